"""The GitHub workflows and the Dependabot config pass zizmor's security audit, offline.

zizmor (pinned in requirements.txt) checks what an attacker could use: actions referenced by a
movable tag instead of a commit hash, jobs with more permissions than they use, checkouts that
leave the token on disk, expressions expanded into shell scripts, caches a publishing job could
be fed from. `--offline` runs only the audits that need no GitHub API, so this holds on a
machine without network access too. Any finding fails the test; the message is zizmor's own,
with the file, the line and a link to how to fix it.
"""

from __future__ import annotations

import re
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursetools.repo import ROOT

GITHUB = ROOT / ".github"


def _zizmor() -> str:
    beside = Path(sys.executable).with_name("zizmor")
    found = str(beside) if beside.is_file() else shutil.which("zizmor")
    if found is None:
        pytest.fail("zizmor is not installed: `make test` installs it (requirements.txt)")
    return found


def test_workflows_have_no_zizmor_findings():
    assert list((GITHUB / "workflows").glob("*.yml")), "no workflows to audit in .github/workflows"
    # .github/ holds the workflows and dependabot.yml; zizmor audits both.
    result = subprocess.run(
        [_zizmor(), "--offline", "--no-progress", "--color=never", ".github"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    report = result.stdout + result.stderr
    assert result.returncode == 0, f"zizmor found problems in .github/ (fix each as its link says):\n{report}"
    assert "No findings to report" in report, report


def test_every_action_is_pinned_to_a_commit_with_its_version_named():
    """What zizmor asks for, plus the version comment Dependabot keeps up to date beside the hash."""
    uses = re.compile(r"^\s*(?:-\s*)?uses:\s*(\S+)(.*)$")
    loose = []
    for workflow in sorted((GITHUB / "workflows").glob("*.yml")):
        for number, line in enumerate(workflow.read_text(encoding="utf-8").splitlines(), 1):
            match = uses.match(line)
            if not match or match.group(1).startswith("./"):
                continue
            ref = match.group(1).partition("@")[2]
            if not re.fullmatch(r"[0-9a-f]{40}", ref) or not re.fullmatch(r"\s*# v\d+(\.\d+)*", match.group(2)):
                loose.append(f"{workflow.relative_to(ROOT)}:{number}: {line.strip()}")
    assert not loose, (
        "pin each action to a full commit hash with its release in a comment, "
        "e.g. `uses: actions/checkout@<40 hex digits> # v7.0.1`:\n" + "\n".join(loose)
    )
