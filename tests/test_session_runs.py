"""The test session lets go of each lesson's snippet runs once no test needs them (issue 24), so
its memory stays flat as lessons are added; a run asked for after that fails, never runs twice
(coursetools/sessionruns.py, SnippetRunner.let_go, tests/conftest.py)."""

from __future__ import annotations

import re
import subprocess
import sys
import weakref
from pathlib import Path

import pytest

from coursetools import outputs, sessionruns
from coursetools.runner import ROOT, SNIPPETS, SnippetRunner


def _write(path: Path, code: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(code)
    return path


def test_letting_go_of_a_lesson_frees_its_runs_and_refuses_to_run_them_again(tmp_path):
    first = _write(tmp_path / "one" / "01_holds.py", "class Held:\n    pass\n\nheld = Held()\nprint('one')\n")
    second = _write(tmp_path / "one" / "02_goes_on.py", "# Continues the block above (01_holds.py).\nprint('two')\n")
    other = _write(tmp_path / "other" / "01_stays.py", "print('other')\n")
    runner = SnippetRunner()
    held = weakref.ref(runner.run(second).namespace["held"])  # runs the chain: both blocks
    kept = runner.run(other)
    assert runner.held() == [first, second, other]

    runner.let_go(tmp_path / "one")

    assert held() is None, "an object the lesson's chain made is still alive after let_go"
    assert runner.held() == [other]
    assert runner.run(other) is kept, "another lesson's run stays"
    with pytest.raises(RuntimeError, match="double its cost"):
        runner.run(first)


def test_each_lessons_tests_run_together_and_its_runs_go_after_the_last_that_needs_them():
    # Items as collected: platform tests (None) around lessons' claim tests and output comparisons.
    lessons = [None, "b", "a", None, "b", "a", None]
    order = sessionruns.grouped(lessons, ["a", "b"])
    assert [lessons[index] for index in order] == [None, "a", "a", "b", "b", None, None]
    assert order == [0, 2, 5, 1, 4, 3, 6], "within a lesson and among the platform's, the collected order"
    # The second "a" item's file names a snippet of "b": b's runs stay until after it.
    needs = [set(), {"a"}, {"a", "b"}, {"b"}, {"b"}, set(), set()]
    assert sessionruns.let_go_after(needs) == {2: {"a"}, 4: {"b"}}
    assert sessionruns.let_go_after([{"a"}, {"a", "b"}, {"b"}]) == {1: {"a"}, 2: {"b"}}


def test_a_claim_test_that_names_another_lessons_snippet_needs_its_runs():
    text = 'FIRST = "alpha/02_data.py"\nrunner.run("beta/01_x.py")\nopen("gamma/notes.txt")\n'
    assert sessionruns.named_lessons(text, {"alpha", "beta", "gamma"}) == {"alpha", "beta"}
    assert sessionruns.named_lessons(text, {"alpha"}) == {"alpha"}, "only the course's lessons"


def _cheapest_lesson() -> str:
    """The lesson whose recorded blocks take the least time, all of them measured."""
    costs = {}
    for folder in sorted(path for path in SNIPPETS.iterdir() if (path / "outputs").is_dir()):
        recordings = [outputs.read(path) for path in sorted((folder / "outputs").glob("*.md"))]
        if recordings and all(rec.cost for rec in recordings):
            costs[folder.name] = sum(rec.cost["seconds"] for rec in recordings)
    return min(costs, key=costs.get)


def test_a_session_holds_no_lessons_runs_after_its_tests():
    """A real session, on the cheapest lesson's output comparisons: the runner ran its blocks,
    let them go after its last test, and holds none of them at the end (conftest's summary)."""
    slug = _cheapest_lesson()
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "-q", "-p", "no:randomly", f"--lessons={slug}"]
        + ["tests/test_recorded_outputs.py", "-k", "test_output_matches_recording"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=600,
    )
    assert result.returncode == 0, result.stdout[-3000:] + result.stderr[-3000:]
    let_go = re.search(
        rf"^let go after their lesson's last test: .*\b{re.escape(slug)} \((\d+) runs\)", result.stdout, re.M
    )
    assert let_go and int(let_go.group(1)) >= 1, result.stdout[-2000:]
    assert re.search(r"^lesson runs held at the end: none$", result.stdout, re.M), result.stdout[-2000:]
