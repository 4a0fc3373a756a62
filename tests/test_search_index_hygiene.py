"""Interface text of the components stays out of the search index.

A component's interface (storage notes, progress lines, buttons, labels,
quiz options, role questions and outcomes: what is hidden until a script
shows it, status lines, buttons, labels, legends, forms and the component's
own sections) is not something a reader searches for, and its quotes of the
guideline would rank above the guideline. Checked on the built site: no such
text of a page may be in that page's entries of search/search_index.json.
"""
from __future__ import annotations

import html
import json
import re
from html.parser import HTMLParser

VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "track", "wbr"}
INTERFACE_TAGS = {"button", "label", "legend", "form", "section", "summary", "progress"}


class InterfaceText(HTMLParser):
    """Text chunks of the interface inside [data-module] elements of the page's article."""

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack: list[tuple[str, bool, bool]] = []  # (tag, inside a component, inside its interface)
        self.chunks: list[str] = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        attrs = dict(attrs)
        component, interface = self.stack[-1][1:] if self.stack else (False, False)
        component = component or "data-module" in attrs
        interface = interface or (component and (
            tag in INTERFACE_TAGS or "hidden" in attrs or attrs.get("role") == "status" or "aria-live" in attrs))
        self.stack.append((tag, component, interface))

    def handle_endtag(self, tag):
        while self.stack:
            if self.stack.pop()[0] == tag:
                break

    def handle_data(self, data):
        if self.stack and self.stack[-1][2] and len(text := normalize(data).split()) >= 2:
            self.chunks.append(" ".join(text))


def normalize(text: str) -> str:
    return " ".join(html.unescape(re.sub(r"<[^>]+>", " ", text)).split())


def interface_chunks(page_html: str) -> list[str]:
    article = page_html[page_html.find("<article"):page_html.find("</article>")]
    parser = InterfaceText()
    parser.feed(article)
    return parser.chunks


def test_parser_finds_interface_text_of_components():
    page = ('<article><p>Ohje sanoo näin.</p><div data-module="x"><p>Johdanto tähän.</p>'
            '<p hidden>Selaimesi ei salli tallentamista.</p>'
            '<p role="status"><strong>0 / 13</strong> kohtaa vahvistettu</p>'
            '<button>Tyhjennä vastaukset</button><section><h2>Tilanteesi: yksityishenkilö</h2><p>Kun vastaat: Ei</p>'
            '</section><input type="radio"><label>a) Ohje laskee viestipalvelut</label></div></article>')
    assert interface_chunks(page) == ["Selaimesi ei salli tallentamista.", "0 / 13", "kohtaa vahvistettu",
                                      "Tyhjennä vastaukset",
                                      "Tilanteesi: yksityishenkilö", "Kun vastaat: Ei", "a) Ohje laskee viestipalvelut"]


def test_component_interface_text_is_not_in_the_search_index(site):
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    indexed: dict[str, str] = {}
    for doc in index["docs"]:
        page = doc["location"].split("#")[0]
        indexed[page] = indexed.get(page, "") + " " + normalize(doc["title"]) + " " + normalize(doc["text"])
    found, checked = [], 0
    for path in sorted(site.dir.rglob("index.html")):
        page = path.parent.relative_to(site.dir).as_posix()
        page = "" if page == "." else page + "/"
        chunks = interface_chunks(path.read_text(encoding="utf-8"))
        checked += len(chunks)
        found += [f"{page or 'etusivu'}: {chunk!r}"
                  for chunk in dict.fromkeys(chunks) if chunk in indexed.get(page, "")]
    assert checked > 50, "the components' interface text was not found in the pages"
    assert not found, f"{len(found)} käyttöliittymän tekstiä hakuindeksissä:\n" + "\n".join(found)


def test_site_note_labels_and_contents_lists_are_not_searched(site):
    # "Sivuston huomautus" is the note's label, not its words; a list of the guideline's sections is
    # navigation: the page holding it would otherwise match every section title it lists.
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    notes = [p for p in site.dir.rglob("*.html") if "loimaa-site-note__label" in p.read_text(encoding="utf-8")]
    assert len(notes) >= 3
    assert not [d["location"] for d in index["docs"] if "Sivuston huomautus" in d["text"]]
    titles = [d["title"].split(" ", 1)[1] for d in index["docs"] if re.match(r"^3\.\d\. ", d["title"])]
    assert len(titles) >= 6
    for location, own_words in [("ohjeistus/", "Jokainen kohta on omalla sivullaan"),  # chapter 3's hub
                                ("#ohjeen-sisalto", "Ohjeen kohtiin voi viitata numerolla")]:  # the front page
        text = html.unescape(next(d["text"] for d in index["docs"] if d["location"] == location))
        assert own_words in text and not [t for t in titles if t in text], location
    sheet = [html.unescape(d["text"]) for d in index["docs"]
             if d["location"].startswith("perehdytys/suoritusmerkinta/")]
    assert sheet and not [t for text in sheet for t in titles if t in text], "the completion sheet's table of sections"


def glued_words(text: str) -> set[str]:
    """Words with a capital inside after a small letter, a digit or a stop ("LoimaaYlistaronkatu")."""
    return set(re.findall(r"[\wåäö]*[a-zåäö0-9.,)][A-ZÅÄÖ][\wåäö]*", re.sub(r"<[^>]*>", " ", html.unescape(text))))


def test_glued_words_finds_run_together_lines_only():
    assert glued_words("PL 9, 32201 LoimaaYlistaronkatu 36") == {"LoimaaYlistaronkatu"}
    assert glued_words("<li>1. Mikä on</li> <li>Esimerkkejä: YouTube</li>") == {"YouTube"}
    assert glued_words("Loimaa Ylistaronkatu, <b>Loimaa</b> X") == set()


def test_search_text_keeps_lines_and_cells_apart(site):
    # Material's index drops the tags (<br>, </td><td>): without a blank between them, a result's text
    # runs lines and cells together ("PL 9, 32201 LoimaaYlistaronkatu 36"). A word written with a
    # capital inside must be one the page itself writes so (WhatsApp, LinkedIn, localStorage).
    index = json.loads((site.dir / "search" / "search_index.json").read_text(encoding="utf-8"))
    glued = []
    for doc in index["docs"]:
        page_html = html.unescape((site.dir / doc["location"].split("#")[0] / "index.html").read_text(encoding="utf-8"))
        glued += [f"{doc['location']}: {w}" for w in glued_words(doc["text"]) if w not in page_html]
    assert len(index["docs"]) > 50
    assert not glued, glued
