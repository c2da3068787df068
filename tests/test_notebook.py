"""Each lesson's notebook is the lesson: committed next to the page, never stale, and it prints
what it says it prints when run top to bottom in a fresh kernel."""

from __future__ import annotations

from pathlib import Path

import nbclient
import nbformat
import pytest

from coursetools import notebook, outputs, recording, render
from coursetools.lessons import load_course, read_config
from coursetools.runner import HUB

ROOT = Path(__file__).resolve().parent.parent
LESSONS = load_course(ROOT / "docs", ROOT / "snippets")
COURSE_INSTALL = read_config((ROOT / "mkdocs.yml").read_text())["extra"]["course"].get("install", [])
IDS = [lesson.slug for lesson in LESSONS]


def _install(lesson) -> str:
    return render.lesson_install(ROOT, COURSE_INSTALL, lesson)


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
def test_the_committed_notebook_is_what_its_page_makes(lesson):
    path = notebook.notebook_path(lesson)
    assert path.is_file(), f"{path.relative_to(ROOT)} is missing: run `make notebooks` and commit it"
    assert path.read_text() == notebook.text(lesson, ROOT / "snippets", _install(lesson)), (
        f"{path.relative_to(ROOT)} is stale or was edited by hand: run `make notebooks` and commit it"
    )


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
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


@pytest.mark.parametrize("lesson", LESSONS, ids=IDS)
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
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
        if stored[id(cell)] and recording.difference(recorded, sources, online) is None:
            # Trailing blank lines are not part of a recording (the page does not show them).
            assert printed.rstrip("\n") == stored[id(cell)].rstrip("\n"), f"notebook cell {path} printed something else"
            compared += 1
    assert compared, "no notebook cell could be compared with its stored output"
