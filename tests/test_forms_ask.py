"""Forms ask; they never make rules (issue 22).

The text the site writes in the component data (checklist intros, hints, ready and
summary texts, role-helper hints; quiz explanations and role-helper asks) states no
requirement the guideline lacks. Where such text must say what the guideline
requires, it stands beside the guideline's own words, and the build checks those
words against the guideline (macros/guideline.py: Prose, prose_refs, check_refs).

The word list below is a tripwire, not a reader of Finnish. It finds the explicit
ways Finnish states a rule: necessity (on oltava, täytyy, pitää, tulee, on sovittava,
vaaditaan...), prohibition (ei saa, älä, kielletty), restriction and quantity (vain,
ainoastaan, vähintään, enintään) and absolutes (aina, ei koskaan, jokainen). It does
not find the imperative (the forms' own "Käy kohdat läpi" is one) or the normative
passive ("profiili sovitaan", "poistetaan"): every text was read against the
guideline for those (issue 22). Nor can it judge whether a paraphrase beside a quote
(an item's text, a quiz explanation) asks more than its quote: that too was read.
"""
from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest
import yaml
from markupsafe import escape

from conftest import ROOT, FakeEnv
from harness import copy_project, mkdocs_build
from guideline_source import REQUIREMENT
from macros import checklist, links, role_helper
from macros.check_data import STOPPED
from macros.components import load_components
from macros.guideline import Guideline, Page, Prose
from macros.validate import DataError

DATA = ROOT / "data"
DOCS = ROOT / "docs"
FILES = sorted(p.relative_to(DATA).as_posix() for p in [*(DATA / "tarkistuslistat").glob("*.yml"),
                                                         *(DATA / "perehdytys").glob("*.yml")])
# Keys whose values are the guideline's own words, checked by the build (items' `guideline`,
# the quiz's and the role helper's `quote`/`quotes`, the `quote` of text the site writes).
QUOTE_KEYS = {"guideline", "quote", "quotes"}
# Ids, docs links and section numbers: not text anybody reads as a sentence.
NOT_TEXT = re.compile(r"[a-z0-9]+(?:-[a-z0-9]+)*|[\w/.-]+\.md(?:#[\w-]+)?|\d+(?:\.\d+)*")
GUIDELINE = " ".join(page.text for page in (Page(p.relative_to(DOCS).as_posix(), p.read_text(encoding="utf-8"))
                                            for p in sorted(DOCS.rglob("*.md"))) if page.is_guideline)
# The texts the forms had before issue 22 that made rules of their own.
BEFORE = [
    ("tarkistuslistat/uusi-profiili.yml", ("fields", 6, "hint"),
     "Profiililla on oltava vähintään kaksi nimettyä ylläpitäjää."),
    ("tarkistuslistat/uusi-profiili.yml", ("intro",),
     "Jokainen kaupungin nimissä toimiva profiili sovitaan etukäteen viestinnän kanssa. Käy kohdat läpi, "
     "täytä viestinnän tarvitsemat tiedot ja lähetä yhteenveto viestinnälle."),
    ("tarkistuslistat/ennen-julkaisua.yml", ("intro",),
     "Käy kohdat läpi ennen jokaista julkaisua, jonka teet kaupungin nimissä. Kohdan, joka ei koske "
     "julkaisuasi, voit merkitä ”ei koske tätä julkaisua”."),
]
# A sentence the guideline never wrote, and one it did, on the page that would hold it.
WRONG = "Profiililla on oltava vähintään kaksi nimettyä ylläpitäjää."
RIGHT = "Profiilin ylläpitäjänä on aina Loimaan kaupunki tai sen yksikkö."
LINK = "ohjeistus/todelliset-tarpeet.md#tavoitteet-ja-yllapitaja"


def raw(name: str):
    return yaml.safe_load((DATA / name).read_text(encoding="utf-8"))


def texts(value, path=(), quoted=False):
    """(path, text, quoted) of every text the site wrote; quoted: an entry around it carries
    the guideline's words (an item, a quiz question, a role-helper situation, {text, quote, link})."""
    if isinstance(value, dict):
        quoted = quoted or bool(QUOTE_KEYS & value.keys())
        for key, item in value.items():
            if key not in QUOTE_KEYS:
                yield from texts(item, path + (key,), quoted)
    elif isinstance(value, list):
        for i, item in enumerate(value):
            yield from texts(item, path + (i,), quoted)
    elif isinstance(value, str) and not NOT_TEXT.fullmatch(value.strip()):
        yield path, value, quoted


def rules_of_our_own(data) -> list[tuple]:
    """Texts with requirement wording that stand beside no guideline quote and are not the
    guideline's own words (the quiz's chapter titles are its headings)."""
    return [(path, found.group(0), text) for path, text, quoted in texts(data)
            if (found := REQUIREMENT.search(text)) and not quoted and " ".join(text.split()) not in GUIDELINE]


def prose(value):
    """Every Prose of loaded component data."""
    if isinstance(value, Prose):
        yield value
    elif isinstance(value, dict | list):
        for item in value.values() if isinstance(value, dict) else value:
            yield from prose(item)


def at(data, path):
    for step in path:
        data = data[step]
    return data


def put(data, path, value):
    at(data, path[:-1])[path[-1]] = value


# --- (a) requirement wording only beside the guideline's words ---------------------------

@pytest.mark.parametrize("name", FILES)
def test_requirement_wording_stands_only_beside_the_guidelines_words(name):
    assert rules_of_our_own(raw(name)) == []


@pytest.mark.parametrize("name, path, before", BEFORE, ids=[f"{n}:{p[-1]}" for n, p, _ in BEFORE])
def test_the_rules_the_forms_once_made_are_found(name, path, before):
    data = raw(name)
    put(data, path, before)
    assert [found[0] for found in rules_of_our_own(data)] == [path]


def test_the_scan_reads_every_text_the_components_keep_as_the_sites_own():
    """The scan and the loaders agree on what the site writes: each Prose is among the scanned texts."""
    scanned = {" ".join(text.split()) for name in FILES for _, text, _ in texts(raw(name))}
    kept = list(prose(list(load_components(DATA, Guideline(DOCS)).values())))
    assert len(kept) >= 8
    assert [p.where for p in kept if " ".join(p.text.split()) not in scanned] == []


# --- (b) a quote beside the site's text is checked by the build ---------------------------

def places():
    """(file, path) of every text that may carry the guideline's words: each sentence the site
    writes outside a quoted entry, and each {text, quote, link} already in the data."""
    for name in FILES:
        data = raw(name)
        for path, text, quoted in texts(data):
            if path[-1] == "text" and isinstance(at(data, path[:-1]), dict) and "quote" in at(data, path[:-1]):
                yield name, path[:-1]
            elif not quoted and text.rstrip().endswith((".", ":", "!")):
                yield name, path


PLACES = list(places())


def build_checks(project: Path) -> None:
    """The build's own data check (macros.define_env, in-process), as in test_checklist.py."""
    import macros

    ohje = yaml.safe_load((project / "data" / "ohje.yml").read_text(encoding="utf-8"))["extra"]["ohje"]
    conf = {"docs_dir": str(DOCS), "extra": {"ohje": ohje}, "nav": [], "use_directory_urls": True}
    macros.define_env(FakeEnv(conf, project))


def with_quote(tmp_path: Path, name: str, path: tuple, quote: str) -> Path:
    """A copy of data/ whose text at path carries `quote` (on the 3.2 page)."""
    shutil.copytree(DATA, tmp_path / "data")
    data = raw(name)
    value = at(data, path)
    text = value["text"] if isinstance(value, dict) else value
    put(data, path, {"text": text, "quote": quote, "link": LINK})
    (tmp_path / "data" / name).write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    return tmp_path


def test_every_kind_of_text_the_site_writes_is_a_place_for_the_guidelines_words():
    kinds = {(name.split("/")[0], *(step for step in path if isinstance(step, str))) for name, path in PLACES}
    assert {("tarkistuslistat", "intro"), ("tarkistuslistat", "summary", "intro"),
            ("tarkistuslistat", "summary", "fields_intro"), ("tarkistuslistat", "ready", "text"),
            ("tarkistuslistat", "fields", "hint"), ("perehdytys", "questions", "hint")} <= kinds


@pytest.mark.parametrize("name, path", PLACES, ids=[f"{n}:{'.'.join(map(str, p))}" for n, p in PLACES])
def test_a_quote_the_guideline_lacks_fails_the_build_with_the_file_the_key_and_what_to_do(tmp_path, name, path):
    project = with_quote(tmp_path, name, path, WRONG)
    with pytest.raises(DataError) as err:
        build_checks(project)
    message = str(err.value)
    assert len(message.splitlines()) == 1
    assert re.match(re.escape(str(project / "data" / name)) + r", rivi \d+: ", message), message
    key = [step for step in path if isinstance(step, str)][-1]
    assert f"{key}: lainausta ei löydy sellaisenaan sivulta ohjeistus/todelliset-tarpeet.md: {WRONG!r}" in message
    assert "kopioi lainaus ohjeen sivulta sanasta sanaan" in message


@pytest.mark.parametrize("name, path", PLACES, ids=[f"{n}:{'.'.join(map(str, p))}" for n, p in PLACES])
def test_the_guidelines_own_words_pass_and_stand_beside_the_text(tmp_path, name, path):
    project = with_quote(tmp_path, name, path, RIGHT)
    build_checks(project)
    loaded = load_components(project / "data", Guideline(DOCS))
    checklists, roles = loaded["checklist"], loaded["role-helper"]
    [shown] = [p for p in prose([checklists, roles]) if p.quote == [RIGHT]]
    assert shown.link["title"] == "3.2. Sosiaalisen median todelliset tarpeet: Tavoitteet ja ylläpitäjä"

    def href(link):
        return links.href(link["page"], link["anchor"], "x/y/")

    html = "".join([*(checklist.render(cl, href, "v@example.invalid") for cl in checklists.values()),
                    role_helper.render(roles, href, {"email": "v@example.invalid"})])
    text = re.escape(str(escape(shown.text)))
    assert re.search(text + r"</p><blockquote class=\"loimaa-onboarding__quote\" data-search-exclude><p>"
                     + re.escape(RIGHT) + r"</p></blockquote><p class=\"loimaa-onboarding__source\" "
                     r"data-search-exclude>Ohjeessa: <a href=\"../../ohjeistus/todelliset-tarpeet/"
                     r"#tavoitteet-ja-yllapitaja\">", html), shown.where


def test_a_quote_from_a_page_of_the_sites_own_fails(tmp_path):
    """The onboarding page quotes the guideline, but it is the site's page, not the guideline's."""
    project = with_quote(tmp_path, "tarkistuslistat/uusi-profiili.yml", ("intro",), RIGHT)
    path = project / "data" / "tarkistuslistat" / "uusi-profiili.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    data["intro"]["link"] = "perehdytys/ohje-lyhyesti.md"
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    assert RIGHT in (DOCS / "perehdytys" / "ohje-lyhyesti.md").read_text(encoding="utf-8")
    with pytest.raises(DataError, match=r"uusi-profiili\.yml, rivi \d+: intro: perehdytys/ohje-lyhyesti\.md ei ole "
                                        r"ohjeen sivu .*lainaa ohjeen omaa sivua"):
        build_checks(project)


def test_a_wrong_quote_stops_a_real_build_with_one_finnish_message(tmp_path):
    """The rule the form once made, back as a hint with the "quote" it would need."""
    project = copy_project(tmp_path / "p")
    path = project / "data" / "tarkistuslistat" / "uusi-profiili.yml"
    data = yaml.safe_load(path.read_text(encoding="utf-8"))
    assert data["fields"][6]["id"] == "yllapitaja-1"
    data["fields"][6]["hint"] = {"text": "Ylläpitäjiä voi olla useampi.", "quote": WRONG, "link": LINK}
    path.write_text(yaml.safe_dump(data, allow_unicode=True, sort_keys=False), encoding="utf-8")
    written = path.read_text(encoding="utf-8").splitlines()
    line = written.index("  hint:", written.index("- id: yllapitaja-1")) + 1   # the key's line, named first
    message = (f"data/tarkistuslistat/uusi-profiili.yml, rivi {line}: fields[7] ('yllapitaja-1').hint: "
               "lainausta ei löydy "
               f"sellaisenaan sivulta ohjeistus/todelliset-tarpeet.md: {WRONG!r}; kopioi lainaus ohjeen sivulta "
               "sanasta sanaan tai korjaa linkki")
    # make build: the data check first, one Finnish message and no traceback.
    check = subprocess.run([sys.executable, "-m", "macros.check_data"], cwd=project, capture_output=True, text=True)
    assert (check.returncode, check.stdout) == (1, "")
    assert check.stderr == f"VIRHE   -  {message}\n{STOPPED}\n"
    # A plain mkdocs build stops too, with the same lines.
    result = mkdocs_build(project, tmp_path / "out", "http://127.0.0.1/", PDF="0")
    assert result.returncode != 0
    said = (result.stderr + result.stdout).splitlines()
    assert f"VIRHE   -  {message}" in said and STOPPED in said, result.stderr + result.stdout


# --- (3) administrators: asked for, no number of our own ---------------------------------------

def test_one_administrator_is_asked_for_and_a_second_may_be_given():
    fields = {f["id"]: f for f in checklist.load_checklists(DATA / "tarkistuslistat")["uusi-profiili"]["fields"]}
    assert fields["yllapitaja-1"]["required"] and fields["yllapitaja-1"]["hint"] is None
    assert not fields["yllapitaja-2"]["required"] and fields["yllapitaja-2"]["required_if"] is None
    assert not fields["muut-yllapitajat"]["required"]


def test_a_site_note_on_a_guideline_page_is_not_the_guidelines_text():
    """A quote must be the city's words: the site's own note on the page does not count."""
    from macros.guideline import Page

    note = "Perustamassa profiilia? Käy kohdat läpi tarkistuslistalla."
    page = Page("ohjeistus/x.md", "# 3.9. Otsikko\n\n- Profiili tulee perustaa.\n\n"
                                  "{% call site_note() %}\n" + note + "\n{% endcall %}\n\nLoppu.\n")
    assert page.has_passage(["Profiili tulee perustaa."]) and page.has_passage(["Loppu."])
    assert not page.has_passage([note])
