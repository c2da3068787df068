"""Each lesson's notebook is generated from its snippets and runs top to bottom in a fresh kernel."""

from __future__ import annotations

from pathlib import Path

import nbclient
import pytest

from coursetools import notebook, outputs, recording, render
from coursetools.lessons import load_course, read_config
from coursetools.runner import HUB

ROOT = Path(__file__).resolve().parent.parent
LESSONS = load_course(ROOT / "docs", ROOT / "snippets")
INSTALL = render.install_command(
    ROOT, read_config((ROOT / "mkdocs.yml").read_text())["extra"]["course"].get("install", [])
)


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.slug for lesson in LESSONS])
def test_notebook_is_the_snippets_and_runs(lesson, sources, tmp_path):
    paths = notebook.snippet_paths(lesson)
    nb = notebook.build(lesson, ROOT / "snippets", INSTALL)
    assert INSTALL in nb.cells[0].source, "the notebook installs what the home page installs"
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert [cell.source for cell in code] == [(ROOT / "snippets" / p).read_text().rstrip("\n") for p in paths]

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
        if recorded.stdout is not None and recording.difference(recorded, sources, online) is None:
            assert printed.rstrip("\n") == recorded.stdout.rstrip("\n"), f"notebook cell {path} printed something else"
            compared += 1
    assert compared, "no notebook cell could be compared with a recorded output"
