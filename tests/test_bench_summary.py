"""scripts/bench_summary.py: the benches write what they measured, and when, into bench-results/."""
from __future__ import annotations

import importlib.util
import re

from conftest import ROOT

_spec = importlib.util.spec_from_file_location("bench_summary", ROOT / "scripts" / "bench_summary.py")
bench_summary = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(bench_summary)


def test_the_summary_says_when_on_what_and_whether_the_budgets_held(tmp_path):
    table = "page        ours   stock\n/           99     100\n"
    path = bench_summary.write("bench", "make bench", table, ["/x/: Lighthouse accessibility 98 < 100"],
                               results=tmp_path)
    text = path.read_text(encoding="utf-8")
    assert path == tmp_path / "bench.md"
    assert re.search(r"^- Measured: \d{4}-\d\d-\d\d \d\d:\d\d UTC$", text, re.M)
    assert re.search(r"^- Commit: [0-9a-f]{7,}", text, re.M)
    assert re.search(r"^- CPU cores: [1-9]\d*$", text, re.M)
    assert "MISSED:\n\n- /x/: Lighthouse accessibility 98 < 100" in text
    assert "```\n" + table.rstrip() + "\n```" in text


def test_all_budgets_met_is_said_as_such(tmp_path):
    text = bench_summary.write("bench-search", "search", "x", [], results=tmp_path).read_text(encoding="utf-8")
    assert "Budgets: all met." in text and "MISSED" not in text


def test_both_benches_write_their_summary():
    for script, name in (("bench.py", '"bench"'), ("bench_search.py", '"bench-search"')):
        assert f"bench_summary.write({name}," in (ROOT / "scripts" / script).read_text(encoding="utf-8"), script
