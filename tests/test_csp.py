"""deploy/csp.py admits only the inline code the site's own templates and hooks write."""
from __future__ import annotations

import shutil
import sys

import pytest

from conftest import ROOT

sys.path.insert(0, str(ROOT / "deploy"))
import csp  # noqa: E402  deploy/csp.py


def test_the_built_site_has_only_inline_code_of_known_origin(site):
    assert "script-src 'self' 'sha256-" in csp.policy(site.dir)


@pytest.mark.parametrize("injected, tag", [
    ("<script>alert(1)</script>", "script"),
    ("<style>body{display:none}</style>", "style"),
    ('<style data-stylesheet="loimaa">body{display:none}</style>', "style"),   # not the file's text
    ('<script>__md_scope=new URL("x",location),alert(1)</script>', "script"),  # a known start, another end
])
def test_injected_inline_code_stops_the_tool_naming_the_page(site, tmp_path, injected, tag):
    copy = tmp_path / "site"
    shutil.copytree(site.dir, copy, ignore=shutil.ignore_patterns("*.gz", "*.pdf", "*.map"))
    page = copy / "ohjeistus" / "tietoturva" / "index.html"
    page.write_text(page.read_text(encoding="utf-8").replace("</article>", injected + "</article>"),
                    encoding="utf-8")
    with pytest.raises(csp.Foreign) as stop:
        csp.policy(copy)
    message = str(stop.value)
    assert message.startswith("ohjeistus/tietoturva/index.html: inline <" + tag + ">"), message
    assert "not admitted" in message.lower()


def test_a_template_value_may_not_leave_its_string():
    known = csp.template_code(tuple(csp.default_theme_dirs()))["script"]
    scope = next(p for p in known if p.pattern.startswith(r"__md_scope"))
    page = (ROOT / "overrides" / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    body = page[page.index("<script>") + 8:page.index("</script>")]
    assert scope.fullmatch(body.replace("{{ config.extra.scope | d(base_url) }}", "../.."))
    assert not scope.fullmatch(body.replace("{{ config.extra.scope | d(base_url) }}", '..",alert(1),"'))
