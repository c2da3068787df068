"""The contributor path, end to end: a new lesson through `make lesson`, its TODOs written,
`make outputs LESSON=<slug>`, and then the copy's own test suite, unchanged, passes.

This is what keeps the tests honest about the course's size: a test that assumed how many
lessons there are, their slugs, numbers or term counts would fail here, in a course with one
more lesson than this one. The copy's suite leaves out only the runs of the existing lessons'
snippets (their claim tests, recorded-output comparisons and notebooks): this suite runs them on
the same files, and a lesson that trains a model would train it twice more for nothing.
"""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path
from xml.etree import ElementTree

from course_copy import copy_course, make_with_this_venv

from coursetools import outputs, scaffold
from coursetools.models import CACHE

SLUG = "zz-contributor-path"


def _make(course: Path, *args: str) -> subprocess.CompletedProcess:
    # COURSE_CACHE: the models converted once, not again.
    return make_with_this_venv(course, *args, env={**os.environ, "COURSE_CACHE": str(CACHE)})


def _write_todos(course: Path) -> None:
    """What an author does, at its most minimal: write something wherever a TODO is."""
    lesson = course / "docs" / "lessons" / SLUG
    for path in [*lesson.glob("*.md"), *lesson.glob("*.yml"), *(course / "snippets" / SLUG).glob("*.py")]:
        text = path.read_text(encoding="utf-8").replace("TODO key term", "path check term")  # a term of its own
        if path.suffix == ".py":  # the snippet's TODO is its opening comment: the author deletes it
            text = "".join(line for line in text.splitlines(keepends=True) if not line.startswith("#"))
        # A TODO comment goes with its line; in the page a TODO heading keeps its heading.
        todo = r"TODO ?" if path.suffix == ".md" else r" *# TODO.*|TODO ?"
        path.write_text(re.sub(todo, "", text), encoding="utf-8")


def test_a_new_lesson_passes_the_courses_own_tests(tmp_path):
    course = copy_course(tmp_path / "course")
    assert not (course / "docs" / "lessons" / SLUG).exists()

    made = _make(course, "lesson", f"SLUG={SLUG}", "TITLE=Contributor path check")
    assert made.returncode == 0, made.stdout
    _write_todos(course)
    recorded = _make(course, "outputs", f"LESSON={SLUG}")
    assert recorded.returncode == 0, recorded.stdout[-5000:]
    output = course / "snippets" / SLUG / "outputs" / f"{scaffold.SNIPPET}.md"
    assert outputs.read(output).stdout, "make outputs recorded the new snippet's output"

    # The copy's whole suite, browser tests included, less this test (it would run itself) and
    # the existing lessons' model work (this suite runs it): --lessons keeps the new lesson's.
    report = tmp_path / "report.xml"
    suite = subprocess.run(
        [sys.executable, "-m", "pytest", "tests", "-q", "-x", f"--junitxml={report}"]
        + ["--ignore", "tests/test_contributor_path.py", f"--lessons={SLUG}"],
        cwd=course,
        env={**os.environ, "COURSE_CACHE": str(CACHE)},
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )
    assert suite.returncode == 0, suite.stdout[-8000:]
    cases = ElementTree.parse(report).getroot().iter("testcase")
    new_lesson = [case for case in cases if SLUG in case.get("classname", "") + case.get("name", "")]
    assert new_lesson, "the new lesson's claim test and its recorded output were part of the run"
    assert all(not list(case) for case in new_lesson), "each of them passed (not skipped)"
