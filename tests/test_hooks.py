"""The build hooks (overrides/hooks/*.py) only wire MkDocs' events to their libraries, share one
serving flag, and keep nothing of one build for the next.

Three builds in one process, through MkDocs' own build API (as `mkdocs serve` rebuilds after
each save): a good one, one that a broken link stops, and a good one again. The two good builds
write the same site, and after every build each hook module's globals are what they were
before the first (a PerBuild, sitebuild/serving.py, is idle between builds).
"""
from __future__ import annotations

import ast
import json
import subprocess
import sys

from conftest import ROOT
from harness import copy_project

HOOKS = ROOT / "overrides" / "hooks"
EVENTS = {"on_startup", "on_shutdown", "on_serve", "on_config", "on_pre_build", "on_files", "on_nav", "on_env",
          "on_post_build", "on_build_error", "on_pre_template", "on_template_context", "on_post_template",
          "on_pre_page", "on_page_read_source", "on_page_markdown", "on_page_content", "on_page_context",
          "on_post_page"}

BUILDS = r'''
import json, os, sys, types
from pathlib import Path
from mkdocs.commands.build import build
from mkdocs.config import load_config

out, page = Path(sys.argv[1]), Path("docs/ohjeistus/tietoturva.md")
text = page.read_text(encoding="utf-8")
hooks = None

def state():
    """Every hook module's globals but its functions, classes, modules and loggers, as text."""
    return {name: {k: repr(v) for k, v in vars(m).items() if not k.startswith("__")
                   and not isinstance(v, (types.FunctionType, types.ModuleType, type))
                   and type(v).__module__ != "logging" and not hasattr(v, "__origin__")}
            for name, m in hooks.items()}

def run(name):
    global hooks
    config = load_config(config_file="mkdocs.yml", site_dir=str(out / name))
    if hooks is None:
        hooks = {n: sys.modules[n] for n in config.plugins if n.endswith(".py")}
        config.plugins.on_startup(command="build", dirty=False)
        states.append(state())
    try:
        build(config)
        result = "ok"
    except BaseException as err:  # the broken build stops with a message
        result = type(err).__name__
    states.append(state())
    return result

states = []
results = [run("first")]
page.write_text(text + "\n[rikki](ei-ole.md)\n", encoding="utf-8")
results.append(run("broken"))
page.write_text(text, encoding="utf-8")
results.append(run("again"))
print(json.dumps({"results": results, "states": states}))
'''


def test_two_builds_in_one_process_write_the_same_site_and_keep_no_state(tmp_path):
    project = copy_project(tmp_path / "p")
    done = subprocess.run([sys.executable, "-c", BUILDS, str(tmp_path / "out")], cwd=project, capture_output=True,
                          text=True, env={"PATH": "/usr/bin:/bin", "PDF": "0", "NO_MKDOCS_2_WARNING": "1",
                                          "SITE_URL": "https://intra.example/ohjeet/some/", "HOME": str(tmp_path)})
    assert done.returncode == 0, done.stderr[-3000:]
    report = json.loads(done.stdout.splitlines()[-1])
    assert report["results"] == ["ok", "Abort", "ok"], done.stderr[-3000:]
    first, *after = report["states"]
    assert first and all(state == first for state in after), json.dumps(report["states"], indent=1)[:3000]
    assert any("PerBuild" in value for module in first.values() for value in module.values())
    one, two = tmp_path / "out" / "first", tmp_path / "out" / "again"
    files = sorted(p.relative_to(one) for p in one.rglob("*") if p.is_file())
    assert files == sorted(p.relative_to(two) for p in two.rglob("*") if p.is_file())
    differ = [str(f) for f in files if (one / f).read_bytes() != (two / f).read_bytes()]
    assert not differ, differ


def hook_files() -> list:
    return sorted(HOOKS.glob("*.py"))


def test_hook_files_define_only_events_typed():
    """Each hook file: MkDocs events with typed signatures, and at most a few private helpers that
    call its library; no public function of its own (those live in the libraries: finnish/,
    printpdf/, sitebuild/)."""
    problems = []
    for path in hook_files():
        tree = ast.parse(path.read_text(encoding="utf-8"))
        for node in tree.body:
            if isinstance(node, ast.FunctionDef) and not node.name.startswith("_") and node.name not in EVENTS:
                problems.append(f"{path.name}: {node.name} kuuluu kirjastoon")
            if isinstance(node, ast.FunctionDef) and node.name in EVENTS:
                args = [*node.args.args, *node.args.kwonlyargs]
                if node.returns is None or any(a.annotation is None for a in args):
                    problems.append(f"{path.name}: {node.name} ilman tyyppejä")
    assert not problems, "\n".join(problems)


def test_one_serving_flag():
    """Only serve_loop.py hears on_startup's command; the other hooks ask sitebuild.serving."""
    told = [p.name for p in hook_files() if "command ==" in p.read_text(encoding="utf-8")]
    assert told == [], told
    starts = [p.name for p in hook_files() if "serving.start(" in p.read_text(encoding="utf-8")]
    assert starts == ["serve_loop.py"], starts
