"""Each lesson's notebook is generated from its snippets and runs top to bottom in a fresh kernel."""

from __future__ import annotations

from pathlib import Path

import nbclient
import pytest

from coursetools import notebook, outputs
from coursetools.lessons import load_course

ROOT = Path(__file__).resolve().parent.parent
LESSONS = load_course(ROOT / "docs", ROOT / "snippets")


@pytest.mark.parametrize("lesson", LESSONS, ids=[lesson.slug for lesson in LESSONS])
def test_notebook_is_the_snippets_and_runs(lesson, sources, tmp_path):
    paths = notebook.snippet_paths(lesson)
    nb = notebook.build(lesson, ROOT / "snippets")
    code = [cell for cell in nb.cells if cell.cell_type == "code"]
    assert [cell.source for cell in code] == [(ROOT / "snippets" / p).read_text().rstrip("\n") for p in paths]

    nbclient.NotebookClient(
        nb, timeout=300, kernel_name="python3", resources={"metadata": {"path": str(tmp_path)}}
    ).execute()

    weights = {repo: source.weights_id for repo, source in sources.items()}
    compared = 0
    for path, cell in zip(paths, code):
        printed = "".join(o.get("text", "") for o in cell.outputs if o.output_type == "stream" and o.name == "stdout")
        recorded = outputs.read(outputs.output_path(ROOT / "snippets" / path))
        if recorded.stdout is not None and all(weights[r] == i["weights"] for r, i in recorded.models.items()):
            assert printed.rstrip("\n") == recorded.stdout.rstrip("\n"), f"notebook cell {path} printed something else"
            compared += 1
    assert compared, "no notebook cell could be compared with a recorded output"
