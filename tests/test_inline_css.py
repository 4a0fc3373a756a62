"""overrides/hooks/inline_css.py: the site's own CSS arrives inside the page, no request before the first paint."""
from __future__ import annotations


import pytest
from mkdocs.exceptions import PluginError


from sitebuild.inline_css import inline

LINK = '<link rel="stylesheet" href="../../assets/stylesheets/{}.css">'


def test_own_stylesheet_becomes_minified_style(tmp_path):
    (tmp_path / "oma.css").write_text("/* why */\n.a {\n  color: red;\n}\n", encoding="utf-8")
    html = f'<head>{LINK.format("main.57a0d79d.min")}{LINK.format("oma")}</head>'
    assert inline(html, tmp_path) == (
        f'<head>{LINK.format("main.57a0d79d.min")}<style data-stylesheet="oma">.a{{color:red}}</style></head>'
    )


def test_css_that_would_close_the_style_element_fails_naming_the_file(tmp_path):
    (tmp_path / "paha.css").write_text('.a::after { content: "</style><script>"; }', encoding="utf-8")
    with pytest.raises(PluginError, match="paha.css"):
        inline(LINK.format("paha"), tmp_path)


def test_built_pages_carry_the_css_they_use(site):
    front = (site.dir / "index.html").read_text(encoding="utf-8")
    checklist = (site.dir / "tarkistuslistat" / "uusi-profiili" / "index.html").read_text(encoding="utf-8")
    assert 'data-stylesheet="loimaa"' in front and 'data-stylesheet="checklist"' not in front
    assert 'data-stylesheet="loimaa"' in checklist and 'data-stylesheet="checklist"' in checklist
    assert "stylesheets/loimaa.css" not in front + checklist


@pytest.mark.browser
def test_no_stylesheet_of_ours_is_requested_and_pages_are_styled(site, page):
    requested = []
    page.on("request", lambda r: requested.append(r.url))
    for path in ["", "tarkistuslistat/uusi-profiili/", "perehdytys/roolisi/"]:
        page.goto(site.url + path, wait_until="load")
        # loimaa.css: the draft banner's colours; the component CSS: its own layout.
        banner = page.eval_on_selector(".md-banner", "e => getComputedStyle(e).backgroundColor")
        assert banner == "rgb(255, 244, 206)", path
    page.goto(site.url + "tarkistuslistat/uusi-profiili/", wait_until="load")
    assert page.locator(".loimaa-checklist__actions").evaluate("e => getComputedStyle(e).position") == "sticky"
    css = [url for url in requested if "/assets/stylesheets/" in url]
    assert [url for url in css if "/main." not in url] == []
    assert page.watch.console_errors == []
