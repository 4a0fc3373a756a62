"""The editing loop of `make serve`: a saved page, data file, macro or template shows on
the next load, and the PDF link works throughout."""
from __future__ import annotations

import os
import re
import subprocess
import sys
import threading
import time
import urllib.error
import urllib.request

import pytest

from conftest import copy_project, free_port
from version_fixtures import log_entry

PDF_PATH = "pdf/sosiaalisen-median-ohje-2026.pdf"
CHECKLIST_PDF_PATH = "pdf/tarkistuslistat-tulostettavaksi.pdf"   # the checklists' PDF, made beside it
KEEPS_LAST = "Sivustoa ei käännetty uudelleen: "   # the server's closing line on a failed rebuild


def get(url: str) -> tuple[int, bytes]:
    try:
        with urllib.request.urlopen(url, timeout=10) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        return error.code, b""
    except OSError:
        return 0, b""


def wait_until(condition, what: str, timeout: float = 90.0, server=None):
    """Poll until condition() is true; fail naming what was awaited (and the server's log)."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if server is not None and server.poll() is not None:
            pytest.fail(f"mkdocs serve stopped while waiting for {what}:\n{log_so_far(server)[-3000:]}")
        if value := condition():
            return value
        time.sleep(0.2)  # polling interval, not a wait for a result
    pytest.fail(f"timed out waiting for {what}")


def log_so_far(server) -> str:
    """What mkdocs serve has printed until now."""
    return "".join(server.lines)


def assert_finnish(said: str) -> None:
    """What mkdocs serve said about a mistake: Finnish lines only, no traceback, no MkDocs English;
    one closing line, which says to fix and save (not to build again), counting the VIRHE lines."""
    closing = [line for line in said.splitlines() if KEEPS_LAST in line]
    errors = [line for line in said.splitlines() if line.startswith("VIRHE")]
    assert len(closing) == 1 and "tallenna tiedosto" in closing[0] and "käännä" not in closing[0], said
    assert f": {len(errors)} virhe" in closing[0], said
    for english in ("Traceback", "appear stuck", "WARNING", "ERROR", "Doc file", "Aborted"):
        assert english not in said, (english, said)


def said_on_saving(server, path, text: str) -> str:
    """Save text (with a mistake) to path; return what the server said about the failed rebuild."""
    before = len(log_so_far(server))
    path.write_text(text, encoding="utf-8")
    wait_until(lambda: KEEPS_LAST in log_so_far(server)[before:], "the failed build's message", server=server)
    said = log_so_far(server)[before:]
    assert_finnish(said)
    return said


def pdf_text(data: bytes, tmp_path) -> str:
    """The PDF's text; empty when the request gave no PDF (timed out under load): the caller polls again."""
    if not data.startswith(b"%PDF"):
        return ""
    path = tmp_path / "served.pdf"
    path.write_bytes(data)
    return subprocess.run(["pdftotext", str(path), "-"], capture_output=True, text=True, check=True).stdout


@pytest.fixture
def served(tmp_path):
    """mkdocs serve on a copy of the project, as `make serve` runs it."""
    project = copy_project(tmp_path / "p")
    port = free_port()
    server = subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "serve", "--strict", "-a", f"127.0.0.1:{port}"],
        cwd=project, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
        env={**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"})
    server.lines = []  # its output, read as it comes
    threading.Thread(target=lambda: server.lines.extend(server.stdout), daemon=True).start()
    url = f"http://127.0.0.1:{port}/"
    try:
        wait_until(lambda: get(url)[0] == 200, "the first build", timeout=180, server=server)
        yield project, url, server
    finally:
        server.terminate()
        server.wait(timeout=30)


def test_saved_page_data_macro_and_template_are_served_and_the_pdf_link_works(served, tmp_path):
    project, url, server = served
    # The PDF links work from the first build on.
    front = get(url)[1].decode()
    for path in (PDF_PATH, CHECKLIST_PDF_PATH):
        status, pdf = get(url + path)
        assert status == 200 and pdf.startswith(b"%PDF"), (path, status)
        assert path in front  # the link the footer and front page give

    # A mistake in a page fails that build only, in Finnish, naming the file and the line; the
    # server keeps going.
    page = project / "docs" / "ohjeistus" / "tietoturva.md"
    original = page.read_text(encoding="utf-8")
    line = len(original.splitlines()) + 2
    where = f"VIRHE   -  docs/ohjeistus/tietoturva.md, rivi {line}: "
    for mistake, says in [("{{ chekclist('x') }}", where + "tuntematon nimi ”chekclist”."),
                          ("[rikki](roolisi.md#ei-ole)", where + "linkin ”roolisi.md#ei-ole”")]:
        said = said_on_saving(server, page, original + f"\n{mistake}\n")
        assert says in said and said.count("VIRHE") == 1, said   # one mistake: one VIRHE line
    # The 3.5 checklist no longer matching a reworded bullet of its guideline page.
    guideline = project / "docs" / "ohjeistus" / "onnistunut-viestinta.md"
    text = guideline.read_text(encoding="utf-8")
    bullet = re.search(r"^- (.+)$", text, re.M)
    said = said_on_saving(server, guideline, text.replace(bullet.group(0), f"- {bullet.group(1)} Aina.", 1))
    assert "VIRHE   -  data/tarkistuslistat/ennen-julkaisua.yml, rivi " in said, said
    guideline.write_text(text, encoding="utf-8")
    # A page (its change to 3.4 logged first: the build refuses an unlogged one, macros/versions.py).
    log_entry(project, "2026", ["3.4"], "minor", "Testin lisäämä virke.")
    page.write_text(original + "\nTallennettu muutos näkyy heti.\n", encoding="utf-8")
    wait_until(lambda: "Tallennettu muutos näkyy heti." in get(url + "ohjeistus/tietoturva/")[1].decode(),
               "the saved page", server=server)

    # A YAML mistake in data/ohje.yml (part of MkDocs' config): the server says in Finnish
    # where it is, with no traceback, and keeps going.
    data = project / "data" / "ohje.yml"
    text = data.read_text(encoding="utf-8")
    line = text.splitlines().index("      name: Loimaan kaupunki") + 1   # the bracket is opened there
    said = said_on_saving(server, data, text.replace("name: Loimaan kaupunki\n", "name: [Loimaan kaupunki\n", 1))
    assert f"VIRHE   -  data/ohje.yml, rivi {line}, " in said and "virheellinen YAML" in said, said
    assert "hakasulje [ jäi sulkematta" in said and "expected" not in said, said   # wholly Finnish

    # The data file put right: the first approval gets its date; the footer of every page shows it.
    assert re.search(r"- body: Johtoryhmä\n +date:\n", text)
    data.write_text(re.sub(r"(- body: Johtoryhmä\n +date:)\n", r"\g<1> 1.12.2026\n", text), encoding="utf-8")
    wait_until(lambda: "1.12.2026" in get(url + "ohjeistus/roolisi/")[1].decode(), "the saved data",
               server=server)
    # The PDFs are made again in the background; meanwhile the links keep working.
    assert get(url + PDF_PATH)[0] == 200 and get(url + CHECKLIST_PDF_PATH)[0] == 200
    wait_until(lambda: "1.12.2026" in pdf_text(get(url + PDF_PATH)[1], tmp_path), "the PDF with the new date",
               server=server)
    wait_until(lambda: "PDF päivitetty: tarkistuslistat-tulostettavaksi.pdf" in log_so_far(server),
               "the checklists' PDF made again", server=server)
    assert get(url + CHECKLIST_PDF_PATH)[1].startswith(b"%PDF")

    # A template of the theme overrides.
    footer = project / "overrides" / "partials" / "copyright.html"  # included in every page's footer
    footer.write_text(footer.read_text(encoding="utf-8") + "\n<!-- pohja tallennettu -->\n", encoding="utf-8")
    wait_until(lambda: "<!-- pohja tallennettu -->" in get(url)[1].decode(), "the saved template",
               server=server)

    # The macros' code: a new variable, then a page that uses it (strict: undefined fails).
    macros = project / "macros" / "__init__.py"
    macros.write_text(macros.read_text(encoding="utf-8") + (
        "\n\n_define_env = define_env\n\n\ndef define_env(env):\n"
        "    _define_env(env)\n    env.variables['tallennettu_makro'] = 'Makron muutos näkyy.'\n"),
        encoding="utf-8")
    page.write_text(page.read_text(encoding="utf-8") + "\n{{ tallennettu_makro }}\n", encoding="utf-8")
    wait_until(lambda: "Makron muutos näkyy." in get(url + "ohjeistus/tietoturva/")[1].decode(),
               "the saved macro", server=server)
    assert server.poll() is None
