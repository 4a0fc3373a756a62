"""overrides/hooks/minify.py: the site's own JS and CSS are sent without comments; sources stay readable."""
from __future__ import annotations


import pytest
from mkdocs.exceptions import PluginError

from conftest import ROOT

from sitebuild.minify import minify

OWN = [p for d in ("docs/assets", "overrides/assets") for p in sorted((ROOT / d).rglob("*"))
       if p.suffix in {".js", ".css"}]


@pytest.mark.parametrize("source", OWN, ids=lambda p: p.name)
def test_built_copy_is_minified(site, source):
    base = ROOT / ("docs/assets" if "docs" in source.parts else "overrides/assets")
    built = site.dir / "assets" / source.relative_to(base)
    text = built.read_text(encoding="utf-8")
    assert "/*" not in text.replace("*/*", "")  # comments gone (a "*/*" glob is not one)
    if source.name != "lunr.fi.min.js":  # that one gets the search data appended in the build
        assert len(text) < len(source.read_text(encoding="utf-8"))
    assert "/*" in source.read_text(encoding="utf-8")  # the source keeps its comments


def test_a_missing_file_fails_the_build_naming_it(tmp_path):
    with pytest.raises(PluginError, match="checklist.js"):
        minify(tmp_path / "assets" / "javascripts" / "checklist.js")


def test_pages_lose_indentation_but_keep_text_and_preformatted_spaces():
    from sitebuild.minify import unindented

    html = ('<body>\n    <p>Yksi\n        kaksi</p>  \n\n  <pre>  a\n    b</pre>\n  <textarea>  x\n  y</textarea>'
            '\n  <script>\n  var s = "a\n  b"</script>\n\u00a0<b>c</b>\n</body>')
    assert unindented(html) == ('<body>\n<p>Yksi\nkaksi</p>\n<pre>  a\n    b</pre>\n<textarea>  x\n  y</textarea>'
                                '\n<script>\n  var s = "a\n  b"</script>\n\u00a0<b>c</b>\n</body>')


def test_built_pages_have_no_indentation_outside_preformatted_text(site):
    import re

    for page in sorted(site.dir.rglob("index.html")):
        text = re.sub(r"<(pre|textarea|script|style)\b.*?</\1>", "", page.read_text(encoding="utf-8"), flags=re.S)
        assert not re.search(r"\n[ \t]", text), page
