"""`make record-outputs`: record the outputs still missing from the pages, then test every claim.

What the outputs workflow (.github/workflows/outputs.yml) runs where the Hub is reachable, and
what runs here with local folders named by SMOLLM2_BASE_DIR / SMOLLM2_INSTRUCT_DIR:

1. Names each model's source (coursetools/models.py). With --require-real, a stand-in stops
   the run before anything is written (exit 2): a stand-in's output is never shown. Without
   it, outputs that need a stand-in stay pending, and the summary says so.
2. Records every output that is missing, still pending (and its models are real now), or was
   recorded on other weights than this run's: `make outputs` (pytest --update-outputs) for just
   those snippets. The others stay as they are, and with none due nothing is run.
3. Runs every recording against a fresh run and every claim test (`tests/snippets`). A failure
   fails the run (exit 1): the page would say something its models don't do. With
   --require-real, a skipped test fails it too, since every test can run on the real pair.
4. Writes a Markdown summary to stdout, to --summary FILE (the workflow's pull request body)
   and to $GITHUB_STEP_SUMMARY when set: model sources, what was recorded, what is still
   pending, the test counts and every failure or skip.
"""

from __future__ import annotations

import argparse
import os
import subprocess
import sys
import tempfile
import xml.etree.ElementTree as ET
from pathlib import Path

from coursetools import models, outputs, recording, runner
from coursetools.commands.pending_outputs import table
from coursetools.repo import ROOT
from coursetools.runner import HUB

SNIPPETS = ROOT / "snippets"


def _pytest(*args: str) -> subprocess.CompletedProcess:
    # -p no:randomly: the recordings are written in file order, as `make outputs` writes them.
    return subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-rfEs", "-p", "no:randomly", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def _due(sources: dict[str, models.Source]) -> list[str]:
    """The snippets (as snippets/-relative paths) whose recorded output this run should write."""
    online = os.environ.get("HF_HUB_OFFLINE") != "1"
    weights = recording.weights_of(sources, online)  # the Hub itself counts where it is reachable
    available = {repo for repo, source in sources.items() if source.is_real} | ({HUB} if online else set())
    due = []
    for snippet in runner.all_snippets():
        recorded = outputs.read(outputs.output_path(SNIPPETS / snippet))
        if recorded is None:
            stale = True
        elif recorded.pending_on:
            stale = set(recorded.pending_on) <= available
        else:
            stale = any(weights.get(repo) != info["weights"] for repo, info in recorded.models.items())
        if stale:
            due.append(snippet)
    return due


def _snapshot() -> dict[Path, bytes]:
    return {path: path.read_bytes() for path in sorted(SNIPPETS.glob("*/outputs/*.md"))}


def _results(junit: Path) -> tuple[dict[str, int], list[str], list[str]]:
    """Counts, and the failed and skipped tests with their messages, from pytest's JUnit XML."""
    counts = {"passed": 0, "failed": 0, "skipped": 0}
    failed, skipped = [], []
    for case in ET.parse(junit).getroot().iter("testcase"):
        name = f"{case.get('classname', '')}::{case.get('name', '')}"
        problem = case.find("failure") if case.find("failure") is not None else case.find("error")
        skip = case.find("skipped")
        if problem is not None:
            counts["failed"] += 1
            first_line = next(iter((problem.get("message") or "").splitlines()), "")
            failed.append(f"{name}: {first_line[:300]}")
        elif skip is not None:
            counts["skipped"] += 1
            skipped.append(f"{name}: {(skip.get('message') or '')[:300]}")
        else:
            counts["passed"] += 1
    return counts, failed, skipped


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools record-outputs", description=__doc__.splitlines()[0])
    parser.add_argument("--require-real", action="store_true", help="refuse to run where a model is a stand-in")
    parser.add_argument("--summary", type=Path, help="also write the Markdown summary to this file")
    opts = parser.parse_args(argv)

    summary = ["## Outputs recorded on the real models", ""]

    def finish(code: int) -> int:
        text = "\n".join(summary) + "\n"
        print(text)
        for target in (opts.summary, os.environ.get("GITHUB_STEP_SUMMARY")):
            if target:
                with open(target, "a", encoding="utf-8") as out:
                    out.write(text)
        return code

    models.configure_environment()
    sources = models.provide()
    summary += [f"- `{repo}`: {source.label}" for repo, source in sources.items()]
    stand_ins = [repo for repo, source in sources.items() if not source.is_real]
    for repo in stand_ins:
        summary += [
            "",
            f"**{repo} is a stand-in here** (no Hub, no {models.ENV_FOLDERS[repo]}, nothing in the Hugging Face "
            "cache), so nothing it prints is recorded: the outputs that need it stay pending.",
        ]
    if stand_ins and opts.require_real:
        summary += ["", "Nothing recorded (--require-real). Run where the Hub is reachable, or name a local folder."]
        return finish(2)

    before = _snapshot()
    due = _due(sources)
    if due:
        update = _pytest(
            *(f"tests/test_recorded_outputs.py::test_output_matches_recording[{s}]" for s in due), "--update-outputs"
        )
        if update.returncode != 0:
            summary += ["", "Recording failed:", "", "```text", update.stdout[-4000:], update.stderr[-2000:], "```"]
            return finish(1)
        # The lessons' notebooks carry the recorded outputs: the pull request updates them too.
        subprocess.run([sys.executable, "-m", "coursetools", "notebooks"], cwd=ROOT, check=True, capture_output=True)
    after = _snapshot()
    changed = [path for path in after if before.get(path) != after[path]]
    summary += ["", f"Recorded {len(changed)} output(s):" if changed else "Recorded nothing: no output was due."]
    for path in changed:
        how = "still pending" if outputs.read(path).pending_on else "recorded"
        summary.append(f"- `{path.relative_to(ROOT)}`: {how}")
    summary += ["", table(ROOT)]

    with tempfile.TemporaryDirectory(prefix="record-outputs-") as tmp:
        junit = Path(tmp) / "claims.xml"
        claims = _pytest("tests/test_recorded_outputs.py", "tests/snippets", f"--junitxml={junit}")
        if not junit.is_file():
            summary += ["", "The claim tests did not run:", "", "```text", claims.stdout[-4000:], "```"]
            return finish(1)
        counts, failed, skipped = _results(junit)
    summary.append(
        f"Claim and recording tests: {counts['passed']} passed, {counts['failed']} failed, {counts['skipped']} skipped."
    )
    summary += [f"- FAILED {line}" for line in failed] + [f"- skipped {line}" for line in skipped]
    if failed or claims.returncode != 0:
        summary += ["", "**A claim fails on these models: fix the lesson or the test; nothing is to be published.**"]
        return finish(1)
    # Offline, tests of what the Hub itself serves (a model card) can only skip: their outputs
    # stay pending, and where the Hub is reachable (the workflow) they run.
    if os.environ.get("HF_HUB_OFFLINE") == "1":
        skipped = [line for line in skipped if "needs the Hugging Face Hub" not in line and HUB not in line]
    if skipped and opts.require_real:
        summary += ["", "**Tests were skipped on the real models (--require-real): each must run here.**"]
        return finish(1)
    return finish(0)


if __name__ == "__main__":
    sys.exit(main())
