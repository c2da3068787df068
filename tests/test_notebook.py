"""Each lesson's notebook is the lesson: committed next to the page, never stale, and it prints
what it says it prints when run top to bottom in a fresh kernel.

Each block runs once per `make test` (issue 24). A notebook whose cells are one chain of blocks
(each continues the one above) runs exactly what the runner runs for test_recorded_outputs: the
same files, verbatim (checked below), in the same order, in one namespace, from a fresh torch
seed that `make outputs` proved the outputs don't depend on (recording.second_runs), with no
last-line value a notebook would show (recording.decide). Running it again in a kernel would
train it twice to prove nothing new. A kernel runs the notebooks that differ from the runner's
runs: several chains, or standalone blocks, share one namespace there and nowhere else. And it
runs the cheapest one-chain notebook, so that the kernel itself (nbclient, IPython, the cells as
downloaded) stays proven.
"""

from __future__ import annotations

import course_under_test
import nbclient
import nbformat
import pytest

from coursetools import cost, notebook, outputs, recording, render, settings
from coursetools.includes import continues
from coursetools.repo import ROOT
from coursetools.runner import all_snippets
from coursetools.watcher import HUB

COURSE_INSTALL = settings.read(ROOT / "mkdocs.yml").install


def _install(lesson) -> str:
    return render.lesson_install(ROOT, COURSE_INSTALL, lesson)


def _one_chain(lesson) -> bool:
    """Every block after the first continues the block right above it on the page."""
    paths = [ROOT / "snippets" / p for p in notebook.snippet_paths(lesson)]
    return all(continues(later) == earlier for earlier, later in zip(paths, paths[1:]))


def _recordings(lesson) -> list:
    return [outputs.read(outputs.output_path(ROOT / "snippets" / p)) for p in notebook.snippet_paths(lesson)]


def _in_a_kernel(lessons: list) -> list:
    """The lessons whose notebook runs in a kernel (module docstring): those that aren't one chain,
    and the one-chain lesson whose recorded blocks take the least time, all of them recorded."""
    several = [lesson for lesson in lessons if not _one_chain(lesson)]
    chains = [
        lesson
        for lesson in lessons
        if _one_chain(lesson) and all(rec.stdout is not None and rec.cost for rec in _recordings(lesson))
    ]
    smoke = min(chains, key=lambda lesson: cost.of_lesson(_recordings(lesson)).seconds, default=None)
    return [lesson for lesson in lessons if lesson in several or lesson is smoke]


def pytest_generate_tests(metafunc):
    """A test taking `lesson` runs once per lesson of the course (conftest read it when the session
    started), or once per lesson whose notebook runs in a kernel if it is marked `in_a_kernel`."""
    if "lesson" in metafunc.fixturenames:
        chosen = course_under_test.lessons()
        if metafunc.definition.get_closest_marker("in_a_kernel"):
            chosen = _in_a_kernel(chosen)
        metafunc.parametrize("lesson", chosen, ids=[lesson.slug for lesson in chosen])


def test_the_committed_notebook_is_what_its_page_makes(lesson):
    path = notebook.notebook_path(lesson)
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run `make notebooks` and commit it"
    assert path.read_text() == notebook.text(lesson, ROOT / "snippets", _install(lesson)), (
        f"{path.relative_to(ROOT)} is stale or was edited by hand: run `make notebooks` and commit it"
    )


def test_the_notebook_has_the_lessons_text_code_and_recorded_outputs(lesson):
    nb = nbformat.read(notebook.notebook_path(lesson), as_version=4)
    install = [cell for cell in nb.cells if notebook.is_install(cell)]
    assert [cell.source.splitlines()[-1] for cell in install] == [
        f"%pip install -q {_install(lesson).removeprefix('pip install ')}"
    ]
    code = [cell for cell in nb.cells if cell.cell_type == "code" and cell not in install]
    paths = notebook.snippet_paths(lesson)
    assert [cell.source for cell in code] == [(ROOT / "snippets" / p).read_text().rstrip("\n") for p in paths]
    headings = [line for cell in nb.cells if cell.cell_type == "markdown" for line in cell.source.splitlines()]
    for heading in (line for line in lesson.body.split("## Key terms")[0].splitlines() if line.startswith("## ")):
        assert heading in headings, f"the notebook lacks the section {heading!r}"
    for path, cell in zip(paths, code):
        recorded = outputs.read(outputs.output_path(ROOT / "snippets" / path))
        stored = "".join(o.get("text", "") for o in cell.outputs)
        after = nb.cells[nb.cells.index(cell) + 1].source
        if recorded.stdout is None:
            assert stored == "" and "Output not recorded yet" in after, f"{path}: pending, and says so"
        else:
            assert stored == recorded.stdout and after.startswith("<small>Output above printed by"), path


def test_every_notebook_is_run_in_a_kernel_or_is_one_chain_the_runner_runs(lessons):
    kernel = _in_a_kernel(lessons)
    assert any(_one_chain(lesson) for lesson in kernel) or not any(_one_chain(lesson) for lesson in lessons), (
        "no one-chain notebook runs in a kernel: none has all its outputs recorded"
    )
    runs = set(all_snippets())  # what test_recorded_outputs runs and compares with the recordings
    for lesson in lessons:
        if lesson not in kernel:
            assert _one_chain(lesson), lesson.slug
            assert set(notebook.snippet_paths(lesson)) <= runs, lesson.slug


@pytest.mark.in_a_kernel
def test_the_notebook_prints_its_stored_outputs_in_a_fresh_kernel(lesson, sources, tmp_path):
    nb = nbformat.read(notebook.notebook_path(lesson), as_version=4)
    # The install cell is for a reader's fresh environment; the tests' venv has those pins.
    nb.cells = [cell for cell in nb.cells if not notebook.is_install(cell)]
    stored = {
        id(cell): "".join(o.get("text", "") for o in cell.outputs) for cell in nb.cells if cell.cell_type == "code"
    }
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    paths = notebook.snippet_paths(lesson)
    # A cell that needs the Hub fails offline, as it would for a reader; every other must run.
    nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", allow_errors=True, resources={"metadata": {"path": str(tmp_path)}}
    ).execute()

    online = not any(o.get("ename") == "OfflineModeIsEnabled" for cell in code for o in cell.outputs)
    compared = 0
    for path, cell in zip(paths, code):
        recorded = outputs.read(outputs.output_path(ROOT / "snippets" / path))
        errors = [o for o in cell.outputs if o.output_type == "error"]
        if errors:
            assert errors[0].ename == "OfflineModeIsEnabled" and HUB in recorded.pending_on, (
                f"notebook cell {path} failed: {errors[0].ename}: {errors[0].evalue}"
            )
            continue
        shown = [o for o in cell.outputs if o.output_type == "execute_result"]
        assert not shown, f"notebook cell {path} shows a value the page doesn't: {shown[0].data.get('text/plain')}"
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
        if stored[id(cell)] and recording.difference(recorded, sources, online) is None:
            # Trailing blank lines are not part of a recording (the page does not show them).
            assert printed.rstrip("\n") == stored[id(cell)].rstrip("\n"), f"notebook cell {path} printed something else"
            compared += 1
    assert compared, "no notebook cell could be compared with its stored output"
