"""`python -m coursetools pending`, the Pages workflow's job summary: pending outputs per lesson.

Each case runs the script in a throwaway copy of the course, as the workflow runs it, and reads
its table the way a maintainer would. Lessons and counts come from the copy, never from here.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from course_copy import copy_course

from coursetools import models, outputs
from coursetools.lessons import load_course

# Run as the workflow runs it: from the copy's root, so the copy's own coursetools is imported.
COMMAND = ["-m", "coursetools", "pending"]


@pytest.fixture
def course(tmp_path) -> Path:
    return copy_course(tmp_path / "course")


def _run(course: Path) -> subprocess.CompletedProcess:
    return subprocess.run([sys.executable, *COMMAND], cwd=course, capture_output=True, text=True)


def _rows(table: str) -> dict[str, tuple[int, int, str]]:
    """lesson -> (outputs, pending, the pending cell) for each row of the table."""
    rows = {}
    for line in table.splitlines():
        cells = [c.strip() for c in line.strip().strip("|").split("|")]
        if len(cells) == 4 and cells[1].isdigit():
            rows[cells[0]] = (int(cells[1]), int(cells[2].split(":")[0]), cells[2])
    return rows


def _a_recorded_output(course: Path) -> tuple[str, Path, outputs.Recording]:
    for slug, recordings in outputs.by_lesson(course / "snippets").items():
        for path, recording in recordings:
            if not recording.pending_on:
                return slug, path, recording
    pytest.fail("the course has no recorded output to turn into a pending one")


def test_every_lesson_has_a_row_and_the_total_adds_up(course):
    result = _run(course)
    assert result.returncode == 0, result.stderr
    rows = _rows(result.stdout)
    lessons = load_course(course / "docs", course / "snippets")
    assert sorted(rows) == sorted(f"{lesson.number} {lesson.title}" for lesson in lessons)
    total, pending = sum(r[0] for r in rows.values()), sum(r[1] for r in rows.values())
    assert f"{pending} of {total} outputs pending" in result.stdout


def test_an_output_that_becomes_pending_is_counted_and_named_in_its_lesson(course):
    slug, path, recording = _a_recorded_output(course)
    lesson = next(lesson for lesson in load_course(course / "docs", course / "snippets") if lesson.slug == slug)
    row = f"{lesson.number} {lesson.title}"
    before = _rows(_run(course).stdout)[row]
    # What `make outputs` writes for a snippet whose base model was a stand-in.
    outputs.write(path, outputs.Recording(recording.snippet, None, {}, {}, [models.BASE_ID]))
    result = _run(course)
    after = _rows(result.stdout)[row]
    assert after[:2] == (before[0], before[1] + 1)
    assert f"`{path.stem}`" in after[2]
    assert re.search(r"\| SmolLM2-135M \(base\)", result.stdout)


def test_a_malformed_recording_is_named_with_its_fix(course):
    _, path, _ = _a_recorded_output(course)
    path.write_text("edited by hand\n", encoding="utf-8")
    result = _run(course)
    assert result.returncode == 1
    assert str(path.relative_to(course)) in result.stderr or str(path) in result.stderr
    assert "run it (or `git checkout` the file)" in result.stderr and "`make outputs`" in result.stderr
