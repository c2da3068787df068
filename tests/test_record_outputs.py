"""`make record-outputs` (`python -m coursetools record-outputs`), the outputs workflow's script, run here.

On GitHub the workflow runs it with the Hub reachable. Here it runs in a throwaway copy of the
course, offline, in two settings:

- the base model is the random-weight stand-in: it records nothing that needs the base, says
  why, and with --require-real (as the workflow runs it) stops before writing anything;
- SMOLLM2_BASE_DIR names a local model folder standing in for the real base. That folder holds
  the converted *instruct* weights, a real model folder but not SmolLM2-135M: this exercises the
  logic (record what is pending, keep what is current, test every claim, fail on a false one),
  and says nothing about the base model. On it, the base's claim "no end-of-turn instinct" is
  false, as it should be for instruct weights, so the run must fail; with that claim removed
  from the copy, the same run passes and a pull request would be opened.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from course_copy import copy_course, keep_only

from coursetools import models, outputs
from coursetools.watcher import HUB

# Run as the Makefile runs it: from the copy's root, so the copy's own coursetools is imported.
COMMAND = ["-m", "coursetools", "record-outputs"]
BASE_CLAIM = "test_base_has_no_end_of_turn_instinct"
CLAIMS_FILE = "test_05_base_raw_prompt.py"  # where BASE_CLAIM is


def _course(tmp: Path, sources) -> Path:
    """A copy of the course whose model cache reuses this session's folders (no new conversion),
    with one lesson: the one whose base claim these tests drop, which has outputs pending on the
    base. The workflow's logic is the same for one lesson as for twenty, and running every
    lesson's model work again here (three times) would grow `make test` with the course."""
    course = copy_course(tmp / "course")
    keep_only(course, next((course / "tests" / "snippets").rglob(CLAIMS_FILE)).parent.name)
    cache = course / ".cache" / "models"
    cache.mkdir(parents=True)
    for folder in (models.CONVERTED, models.STAND_IN, sources[models.INSTRUCT_ID].folder):
        if folder.is_dir() and not (cache / folder.name).exists():
            (cache / folder.name).symlink_to(folder, target_is_directory=True)
    return course


def _run(course: Path, tmp: Path, *args: str, base_dir: Path | None = None) -> subprocess.CompletedProcess:
    env = {
        k: v
        for k, v in os.environ.items()
        if k not in ("SMOLLM2_BASE_DIR", "SMOLLM2_INSTRUCT_DIR", "COURSE_CACHE", "GITHUB_STEP_SUMMARY")
    }
    empty_cache = tmp / "no-hf-cache"
    empty_cache.mkdir(exist_ok=True)
    # Offline, with no Hugging Face cache to find the real base in: the base is a stand-in unless
    # base_dir names one. The instruct model comes from the package, as on CI.
    env.update(HF_HUB_OFFLINE="1", COURSE_USER_HUB_CACHE=str(empty_cache), COURSE_INSTRUCT_FROM_PACKAGE="1")
    if base_dir is not None:
        env["SMOLLM2_BASE_DIR"] = str(base_dir)
    return subprocess.run(
        [sys.executable, *COMMAND, *args, "--summary", str(tmp / "summary.md")],
        cwd=course,
        env=env,
        capture_output=True,
        text=True,
    )


def _outputs(course: Path) -> dict[str, str]:
    return {
        str(path.relative_to(course)): path.read_text(encoding="utf-8")
        for path in sorted((course / "snippets").glob("*/outputs/*.md"))
    }


def _pending(course: Path, on=(models.BASE_ID,)) -> list[str]:
    """Outputs pending on nothing but `on` (the Hub itself can't be stood in for here)."""
    return [
        str(path.relative_to(course))
        for recordings in outputs.by_lesson(course / "snippets").values()
        for path, recording in recordings
        if recording.pending_on and set(recording.pending_on) <= set(on)
    ]


def test_with_a_stand_in_base_nothing_is_recorded_and_the_summary_says_why(tmp_path, sources):
    course = _course(tmp_path, sources)
    before = _outputs(course)
    assert _pending(course), "the course has no pending output to leave pending"

    refused = _run(course, tmp_path, "--require-real")
    assert refused.returncode == 2, refused.stdout + refused.stderr
    assert f"{models.BASE_ID} is a stand-in here" in refused.stdout
    assert "Nothing recorded" in refused.stdout
    assert _outputs(course) == before

    run = _run(course, tmp_path)
    assert run.returncode == 0, run.stdout + run.stderr
    assert f"{models.BASE_ID} is a stand-in here" in run.stdout and "stay pending" in run.stdout
    assert "Recorded nothing" in run.stdout
    assert _outputs(course) == before, "a run on a stand-in base changed a recording"
    assert run.stdout in (tmp_path / "summary.md").read_text(encoding="utf-8") + "\n"


@pytest.fixture(scope="module")
def local_base_run(tmp_path_factory, sources):
    """The workflow's command against a local folder standing in for the real base (see above)."""
    tmp = tmp_path_factory.mktemp("record-local-base")
    course = _course(tmp, sources)
    pending = _pending(course)
    run = _run(course, tmp, "--require-real", base_dir=sources[models.INSTRUCT_ID].folder)
    return course, tmp, pending, run, _outputs(course)


def test_local_base_records_every_pending_output_and_tests_the_claims(local_base_run):
    course, _, pending, run, recorded = local_base_run
    assert pending, "the course has no pending output to record"
    for path in pending:
        recording = outputs.parse(recorded[path], Path(path))
        assert not recording.pending_on and recording.stdout, f"{path} is still pending"
        assert models.BASE_ID in recording.models, path
        assert recording.models[models.BASE_ID]["label"].startswith("local folder")
        assert f"`{path}`: recorded" in run.stdout
    for path in _pending(course, on=(HUB,)):  # what needs the Hub stays pending offline, and says so
        assert outputs.parse(recorded[path], Path(path)).pending_on == [HUB]
    assert "Claim and recording tests:" in run.stdout


def test_a_claim_that_fails_on_the_models_fails_the_run(local_base_run):
    *_, run, _ = local_base_run
    assert run.returncode == 1, run.stdout + run.stderr
    assert f"FAILED tests.snippets.base-vs-instruct.test_05_base_raw_prompt::{BASE_CLAIM}" in run.stdout
    assert "nothing is to be published" in run.stdout


def test_with_every_claim_holding_the_run_passes_and_keeps_current_recordings(local_base_run, sources):
    course, tmp, _, _, recorded = local_base_run
    # The one claim instruct weights can't meet, dropped from this copy only.
    claims = next((course / "tests" / "snippets").rglob(CLAIMS_FILE))
    text = claims.read_text(encoding="utf-8")
    start = text.index(f"def {BASE_CLAIM}")
    claims.write_text(text[:start] + text[text.index("\ndef ", start) + 1 :], encoding="utf-8")

    run = _run(course, tmp, "--require-real", base_dir=sources[models.INSTRUCT_ID].folder)
    assert run.returncode == 0, run.stdout + run.stderr
    assert "Recorded nothing: no output was due." in run.stdout, "recordings on this run's weights were redone"
    assert _outputs(course) == recorded
    assert ", 0 failed, " in run.stdout
    skips = [line for line in run.stdout.splitlines() if line.startswith("- skipped")]
    assert all("Hugging Face Hub" in line for line in skips), "only what needs the Hub itself may skip offline"
