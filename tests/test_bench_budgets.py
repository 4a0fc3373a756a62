"""scripts/bench.py's budget rules on made-up measurements (the measuring itself is `make bench`)."""
from __future__ import annotations


import yaml


import bench


def page(*performance: int, accessibility=100, best=100, tbt=100.0) -> bench.PageResult:
    return bench.PageResult(runs=[{"performance": p, "accessibility": accessibility, "best-practices": best,
                                   "tbt": tbt, "lcp": 1500.0} for p in performance])


def test_performance_is_judged_against_stock_in_the_same_run():
    stock = page(97, 95, 99, 96, 98)  # median 97
    assert bench.lighthouse_misses("x/", page(95, 96, 94, 95, 99), stock) == []  # 95 = 97 - 2
    missed = bench.lighthouse_misses("x/", page(94, 94, 99, 93, 95), stock)  # 94 < 95
    assert missed == ["/x/: Lighthouse performance 94 < stock 97 − 2"]


def test_accessibility_and_best_practices_stay_absolute():
    stock = page(90, accessibility=88, best=92)
    missed = bench.lighthouse_misses("x/", page(99, accessibility=98), stock)
    assert missed == ["/x/: Lighthouse accessibility 98 < 100"]


def test_tbt_and_lcp_are_shown_side_by_side_with_their_ratio():
    cell = bench.side_by_side(page(99, tbt=210.0), page(99, tbt=120.0), "tbt", 1, "{:.0f}")
    assert cell.strip() == "210 (120, 1.75)"


def test_stock_build_is_the_same_finnish_site_with_materials_defaults(tmp_path):
    config = yaml.load((bench.make_stock_project(tmp_path / "stock") / "mkdocs.yml").read_text(encoding="utf-8"),
                       Loader=bench._Loader)
    assert config["theme"] == {"name": "material", "font": False, "language": "fi"}  # Material's Finnish search
    assert config["plugins"] == ["search"] and "hooks" not in config and "extra_css" not in config
