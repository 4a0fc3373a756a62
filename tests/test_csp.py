"""deploy/csp.py admits only the inline code the site's own templates and hooks write;
every build writes its policy for nginx (overrides/hooks/csp_policy.py)."""
from __future__ import annotations

import re
import shutil

import pytest

from conftest import ROOT
from harness import copy_project, mkdocs_build

import csp


def test_the_build_writes_the_policy_of_its_pages_for_nginx(site):
    """site/nginx-csp.conf holds the policy computed here from the built pages, as one nginx `set`."""
    policy = csp.policy(site.dir)
    assert "script-src 'self' 'sha256-" in policy and "style-src 'self' 'sha256-" in policy
    lines = [line for line in (site.dir / csp.NGINX_INCLUDE).read_text(encoding="utf-8").splitlines()
             if not line.startswith("#")]
    assert lines == [f'set $loimaa_csp "{policy}";']
    assert "$loimaa_csp" in (ROOT / "deploy" / "nginx.conf").read_text(encoding="utf-8")


def test_no_policy_is_kept_by_hand():
    """The snippet, README and the guides carry no hashes and no step to regenerate them."""
    for path in [ROOT / "deploy" / "nginx.conf", ROOT / "README.md", *sorted((ROOT / "guides").glob("*.md"))]:
        text = path.read_text(encoding="utf-8")
        assert "'sha256-" not in text and not re.search(r"regenerat|refresh the content-security", text, re.I), path


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
    assert message.startswith(f"ohjeistus/tietoturva/index.html: sivulla on upotettu <{tag}>"), message
    assert "ei sallita" in message and "\n" not in message


def test_a_page_with_a_script_of_its_own_stops_the_build_in_one_finnish_line(tmp_path):
    project = copy_project(tmp_path / "p")
    # A page of the site's own: a guideline page would first stop at the versions' change check.
    page = project / "docs" / "tietosuoja.md"
    page.write_text(page.read_text(encoding="utf-8") + "\n<script>alert(1)</script>\n", encoding="utf-8")
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", PDF="0")
    assert result.returncode != 0
    errors = [line for line in result.stderr.splitlines() if line.startswith("ERROR")]
    assert len(errors) == 1 and "Traceback" not in result.stderr, result.stderr
    assert re.match(r"ERROR +- +tietosuoja/index\.html: sivulla on upotettu <script>", errors[0]), errors
    assert not (tmp_path / "out" / csp.NGINX_INCLUDE).exists()


def test_a_template_value_may_not_leave_its_string():
    known = csp.template_code(tuple(csp.default_theme_dirs()))["script"]
    scope = next(p for p in known if p.pattern.startswith(r"__md_scope"))
    page = (ROOT / "overrides" / "partials" / "javascripts" / "base.html").read_text(encoding="utf-8")
    body = page[page.index("<script>") + 8:page.index("</script>")]
    assert scope.fullmatch(body.replace("{{ config.extra.scope | d(base_url) }}", "../.."))
    assert not scope.fullmatch(body.replace("{{ config.extra.scope | d(base_url) }}", '..",alert(1),"'))
