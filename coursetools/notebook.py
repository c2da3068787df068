"""Each lesson's notebook: the lesson itself, made from the same files as its page.

The notebook holds the page's text as Markdown cells, each snippet as a code cell in page order,
and under each code cell the output recorded for it (`make outputs`) with its provenance, or a
note that the output is pending: never an output no run printed. The first code cell installs
the pinned packages the lesson needs.

It is committed next to the page (`docs/lessons/<slug>/<slug>.ipynb`), because Colab opens
notebooks from a path in the GitHub repository. So that it can't drift from its page, the build
refuses a notebook that differs from what this module makes of the page, snippets and
recordings (`mkdocs serve` rewrites it instead), and `make notebooks` (part of `make outputs`)
rewrites them all. Its content depends on nothing of the machine or the environment.
"""

from __future__ import annotations

import base64
import re
import sys
from pathlib import Path

import nbformat

from . import cost, outputs
from .includes import continues
from .lessons import KEY_TERMS_MARKER, Lesson, includes

# Marks the install cell in its metadata (a tag would show on the rendered page): a reader runs
# it; the tests' environment already has those pins.
INSTALL = {"course": "install"}
_ADMONITION = re.compile(r'^!!!\s+\w+(?:\s+"([^"]*)")?\s*$')
_LINK = re.compile(r"\[([^\]]+)\]\((?!https?://|#)[^)]+\)")
_ATTRS = re.compile(r"\s*\{[^}]*\}\s*$")


def is_install(cell) -> bool:
    return cell.get("metadata", {}).get("course") == INSTALL["course"]


def snippet_paths(lesson: Lesson) -> list[str]:
    """The Python snippets a lesson page includes, in page order (relative to snippets/)."""
    return [include.target for include in lesson.includes if include.kind == "snippet"]


def _markdown(text: str) -> str:
    """Page Markdown as a notebook cell shows it: admonitions become quotes, links to other
    pages of the site become their text (a notebook opened in Colab has no site around it),
    heading attributes go."""
    out: list[str] = []
    lines = text.splitlines()
    index = 0
    while index < len(lines):
        line = lines[index]
        admonition = _ADMONITION.match(line)
        if admonition:
            out.append(f"> **{admonition.group(1) or 'Note'}**")
            index += 1
            while index < len(lines) and (not lines[index].strip() or lines[index].startswith("    ")):
                out.append(f"> {lines[index][4:]}".rstrip())
                index += 1
            while out and out[-1] == ">":
                out.pop()
            out.append("")
            continue
        if line.startswith("#"):
            line = _ATTRS.sub("", line)
        out.append(_LINK.sub(r"\1", line))
        index += 1
    return "\n".join(out).strip("\n")


def _provenance(rec: outputs.Recording) -> str:
    if rec.stdout is None:
        needs = " and ".join(outputs.NEEDS.get(m, m) for m in rec.pending_on)
        return (
            f"> **Output not recorded yet.** This cell needs {needs}; no run with it has been recorded "
            "yet. Run it to see what it prints."
        )
    ran = f" {cost.block_words(rec.cost)}" if rec.cost else ""
    return f"<small>Output above printed by {outputs.provenance(rec, '**{}**')}.{ran}</small>"


def build(lesson: Lesson, snippets_dir: Path, install: str) -> nbformat.NotebookNode:
    """`install` is the lesson's pinned install command (render.lesson_install)."""
    notebook = nbformat.v4.new_notebook()
    notebook.metadata["kernelspec"] = {"name": "python3", "display_name": "Python 3", "language": "python"}
    notebook.metadata["language_info"] = {"name": "python"}
    body = lesson.body.split(KEY_TERMS_MARKER)[0]
    body = body[: body.rfind("## Key terms")] if "## Key terms" in body else body
    # The page's own title heading is replaced by the notebook's.
    body = re.sub(r"\A\s*#\s[^\n]*\n", "", body)
    # Blocks that continue the one above (coursetools.runner) need the cells before them.
    chained = any(continues(snippets_dir / path) for path in snippet_paths(lesson))
    runs = "Run the cells in order: some continue the one above." if chained else "Each code cell runs on its own."
    cells = [
        nbformat.v4.new_markdown_cell(
            f"# Lesson {lesson.number}: {lesson.title}\n\n{' '.join(lesson.outcome.split())}\n\n"
            "This notebook is the lesson: its text, and every code block with the output recorded "
            f"when the course's tests ran it. {runs} Install the libraries it uses first:"
        ),
        nbformat.v4.new_code_cell(
            # Colab ships its own torch, with torchvision and torchaudio pinned to it: replacing
            # it with the course's makes pip warn about those two, which no lesson imports.
            "# The versions that printed this notebook's outputs; torch is the CPU build. On Colab, pip\n"
            "# warns that torchvision and torchaudio expect Colab's own torch: no lesson uses them.\n"
            f"%pip install -q {install.removeprefix('pip install ')}",
            metadata=dict(INSTALL),
        ),
    ]
    position = 0
    fence_open = re.compile(r"^[ \t]*(`{3,}|~{3,})[^\n]*\n", re.M)
    for include in includes(body):
        target, start = include.target, include.start
        if include.kind == "snippet":
            # The include sits inside a fence: the text ends where that fence opens.
            opening = [m for m in fence_open.finditer(body, position, start)]
            text_end = opening[-1].start() if opening else start
            closing = fence_open.search(body, include.end)
            end = closing.end() if closing else include.end
        else:
            text_end, end = start, include.end
        text = _markdown(body[position:text_end])
        if text:
            cells.append(nbformat.v4.new_markdown_cell(text))
        path = snippets_dir / target
        if target.endswith(".py"):
            cells.append(nbformat.v4.new_code_cell(path.read_text(encoding="utf-8").rstrip("\n")))
        elif path.parent.name == "outputs":
            rec = outputs.read(path)
            code = cells[-1]
            if rec.stdout is not None and code.cell_type == "code":
                code.outputs = [nbformat.v4.new_output("stream", name="stdout", text=rec.stdout)]
                for figure in rec.figures:  # the recorded figures, as the cell displayed them
                    image = base64.b64encode((path.parent / figure["file"]).read_bytes()).decode("ascii")
                    alt = {"text/plain": figure.get("alt", "figure")}
                    code.outputs.append(nbformat.v4.new_output("display_data", data={"image/png": image, **alt}))
            cells.append(nbformat.v4.new_markdown_cell(_provenance(rec)))
        position = end
    tail = _markdown(body[position:])
    if tail:
        cells.append(nbformat.v4.new_markdown_cell(tail))
    cells.append(
        nbformat.v4.new_markdown_cell(
            f"## Key terms and Check yourself\n\nThe key terms and a short quiz are on the lesson's page: "
            f"Lesson {lesson.number}, *{lesson.title}*."
        )
    )
    # nbformat gives each new cell a random id: fix them, so the file only changes with its content.
    for index, cell in enumerate(cells):
        cell.id = f"cell-{index}"
    notebook.cells = cells
    return notebook


def notebook_path(lesson: Lesson) -> Path:
    return lesson.folder / f"{lesson.slug}.ipynb"


def text(lesson: Lesson, snippets_dir: Path, install: str) -> str:
    return nbformat.writes(build(lesson, snippets_dir, install))


def stale(lessons: list[Lesson], snippets_dir: Path, installs: dict[str, str]) -> list[Path]:
    """The notebooks that are missing or differ from what their page makes (`installs`: slug -> command)."""
    return [
        notebook_path(lesson)
        for lesson in lessons
        if not notebook_path(lesson).is_file()
        or notebook_path(lesson).read_text(encoding="utf-8") != text(lesson, snippets_dir, installs[lesson.slug])
    ]


def write(lesson: Lesson, snippets_dir: Path, install: str) -> bool:
    """Write the notebook when its content changed (so `mkdocs serve` doesn't loop); True if written."""
    path = notebook_path(lesson)
    new = text(lesson, snippets_dir, install)
    if path.is_file() and path.read_text(encoding="utf-8") == new:
        return False
    path.write_text(new, encoding="utf-8")
    return True


def main(argv: list[str] | None = None) -> int:
    """`make notebooks`: rewrite every lesson's notebook from its page, snippets and recordings."""
    import argparse

    from . import settings
    from .lessons import LessonError, load_course
    from .render import installs
    from .repo import ROOT

    parser = argparse.ArgumentParser(prog="python -m coursetools notebooks", description=main.__doc__)
    parser.add_argument("--root", type=Path, default=ROOT, help="the course")
    root = parser.parse_args(argv).root.resolve()
    try:
        course = settings.read(root / "mkdocs.yml").install
        lessons = load_course(root / "docs", root / "snippets")
        commands = installs(root, root / "mkdocs.yml", course, lessons)
    except (LessonError, ValueError) as error:
        print(error, file=sys.stderr)
        return 1
    written = [notebook_path(lesson) for lesson in lessons if write(lesson, root / "snippets", commands[lesson.slug])]
    for path in written:
        print(f"rewrote {path.relative_to(root)}")
    print(f"{len(written)} notebook(s) rewritten; commit them with the page." if written else "notebooks up to date")
    return 0


if __name__ == "__main__":
    sys.exit(main())
