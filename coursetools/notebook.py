"""Each lesson's notebook, generated from the same snippet files as its page.

It is written next to the page at build time (git-ignored) and never edited by hand: change a
snippet or the page and the notebook follows.
"""

from __future__ import annotations

from pathlib import Path

import nbformat

from .lessons import INCLUDE, Lesson
from .runner import continues


def snippet_paths(lesson: Lesson) -> list[str]:
    """The Python snippets a lesson page includes, in page order (relative to snippets/)."""
    return [m.group(1) for m in INCLUDE.finditer(lesson.body) if m.group(1).endswith(".py")]


def build(lesson: Lesson, snippets_dir: Path, install: str) -> nbformat.NotebookNode:
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    # Blocks that continue the one above (coursetools.runner) need the cells before them.
    chained = any(continues(snippets_dir / path) for path in snippet_paths(lesson))
    runs = "Run the cells in order: some continue the one above." if chained else "Each runs on its own."
    cells = [
        nbformat.v4.new_markdown_cell(
            f"# Lesson {lesson.number}: {lesson.title}\n\n{' '.join(str(lesson.meta['outcome']).split())}\n\n"
            f"Every cell is a snippet from the lesson page. {runs} "
            f"Install the libraries first: `{install}`."
        )
    ]
    for path in snippet_paths(lesson):
        cells.append(nbformat.v4.new_markdown_cell(f"### `{Path(path).name}`"))
        cells.append(nbformat.v4.new_code_cell((snippets_dir / path).read_text().rstrip("\n")))
    # nbformat gives each new cell a random id: fix them, or every build rewrites the notebook,
    # misses the mkdocs-jupyter cache (a conversion per lesson) and sets `mkdocs serve` looping.
    for index, cell in enumerate(cells):
        cell.id = f"cell-{index}"
    notebook.cells = cells
    return notebook


def notebook_path(lesson: Lesson) -> Path:
    return lesson.folder / f"{lesson.slug}.ipynb"


def write(lesson: Lesson, snippets_dir: Path, install: str) -> Path:
    """Write the notebook only when its content changed, so `mkdocs serve` doesn't loop."""
    path = notebook_path(lesson)
    text = nbformat.writes(build(lesson, snippets_dir, install))
    if not path.is_file() or path.read_text() != text:
        path.write_text(text)
    return path
