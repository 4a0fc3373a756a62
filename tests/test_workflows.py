"""The GitHub workflow and dependabot: audited by zizmor, actions that run on today's runners."""
from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parent.parent
WORKFLOWS = sorted((ROOT / ".github" / "workflows").glob("*.yml"))
# GitHub's runners run actions on Node 24 only since June 2026; these are the
# first majors of each action we use that run (and call) Node 24 code.
NODE24_MAJORS = {"actions/checkout": 7, "actions/upload-artifact": 7,
                 "actions/upload-pages-artifact": 5, "actions/deploy-pages": 5}
USES = re.compile(r"^\s*(?:-\s+)?uses:\s*(\S+?)@(\S+)\s*(?:#\s*(\S+))?\s*$", re.M)


def test_zizmor_reports_nothing_at_its_default_level():
    zizmor = Path(sys.executable).parent / "zizmor"  # pinned in requirements-test.in
    result = subprocess.run([str(zizmor), "--offline", "--no-progress", "."], cwd=ROOT,
                            capture_output=True, text=True)
    assert result.returncode == 0, result.stdout + result.stderr
    assert "No findings" in result.stdout, result.stdout


def test_every_action_is_sha_pinned_with_its_version_and_on_a_node24_major():
    found = [m for wf in WORKFLOWS for m in USES.findall(wf.read_text(encoding="utf-8"))]
    assert found, "no actions found: has the workflow moved?"
    for name, ref, comment in found:
        assert re.fullmatch(r"[0-9a-f]{40}", ref), f"{name}@{ref}: pin a commit SHA"
        version = re.fullmatch(r"v(\d+)\.\d+\.\d+", comment or "")
        assert version, f"{name}@{ref}: add the version as a comment (# vX.Y.Z)"
        assert name in NODE24_MAJORS, f"{name}: unknown action; check that it runs on Node 24"
        assert int(version.group(1)) >= NODE24_MAJORS[name], f"{name} {comment} runs on Node 20"


def test_only_pull_request_runs_are_cancelled_by_a_newer_push():
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    cancel = ci["concurrency"]["cancel-in-progress"]
    assert cancel == "${{ github.event_name == 'pull_request' }}", cancel


def test_dependabot_updates_pip_and_actions_after_a_cooldown():
    config = yaml.safe_load((ROOT / ".github" / "dependabot.yml").read_text(encoding="utf-8"))
    ecosystems = {u["package-ecosystem"]: u for u in config["updates"]}
    assert set(ecosystems) == {"pip", "github-actions", "npm"}
    for name, update in ecosystems.items():
        assert update.get("cooldown", {}).get("default-days", 0) >= 3, f"{name}: no cooldown"


def test_a_weekly_run_on_main_installs_afresh_and_runs_the_whole_suite():
    """Breakage from upstream (a registry, Debian's chromium) shows within a week."""
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    triggers = ci[True]  # YAML 1.1 reads the key `on` as True
    cron = triggers["schedule"][0]["cron"].split()
    assert len(cron) == 5 and cron[2] == "*" and cron[3] == "*" and cron[4] != "*", cron  # once a week
    test_job = ci["jobs"]["test"]
    assert "if" not in test_job, "the scheduled run must run the tests"
    steps = [s.get("run", "") for s in test_job["steps"]]
    assert any(s.strip() == "make test" for s in steps), steps
    # A scheduled run only tests: it publishes nothing.
    assert "push" in ci["jobs"]["pages"]["if"] and "schedule" not in ci["jobs"]["pages"]["if"]


def test_what_is_published_is_built_by_make_publish_for_a_real_address():
    """make publish refuses without SITE_URL; no fallback address may stand in for it."""
    ci = yaml.safe_load((ROOT / ".github" / "workflows" / "ci.yml").read_text(encoding="utf-8"))
    steps = ci["jobs"]["test"]["steps"]
    uploads = [i for i, s in enumerate(steps) if "upload" in s.get("uses", "")]
    assert len(uploads) == 2, uploads  # the intranet's artifact and GitHub Pages'
    for i in uploads:
        build = steps[i - 1]  # each upload right after the build for its address
        assert re.search(r"(^|\s)make publish$", build.get("run", "").strip()), build
        assert build["if"] == steps[i]["if"] == ci["jobs"]["pages"]["if"], build
        assert "make build" not in build["run"]
        assert not any("||" in str(value) for value in build.get("env", {}).values()), build
    assert steps[uploads[0] - 1]["env"] == {"SITE_URL": "${{ vars.SITE_URL }}"}
