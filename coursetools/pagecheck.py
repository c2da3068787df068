"""A lesson page's structure: its title, the two closing sections and their markers, what it
includes, its key terms in use, and no TODO left in the lesson's files."""

from __future__ import annotations

import re
from pathlib import Path

from coursetools.course import Lesson, Problem
from coursetools.includes import continues

REQUIRED_HEADINGS = ("Key terms", "Check yourself")
KEY_TERMS_MARKER = "<!-- course:key-terms -->"
QUIZ_MARKER = "<!-- course:quiz -->"
# Each marker must sit in its section: the hooks replace it with the rendered list or quiz.
MARKER_SECTIONS = {KEY_TERMS_MARKER: "Key terms", QUIZ_MARKER: "Check yourself"}
SNIPPET_NAME = re.compile(r"^\d{2}_[a-z0-9]+(?:_[a-z0-9]+)*\.py$")
TODO = re.compile(r"\bTODO\b")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")


def _headings(body: str) -> list[tuple[int, str, int]]:
    """(level, text, offset) of every Markdown heading outside fenced code."""
    found = []
    fence = None
    offset = 0
    for line in body.splitlines(keepends=True):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
        else:
            heading = HEADING.match(line.rstrip("\r\n"))
            if heading:
                text = re.sub(r"\s*\{[^}]*\}$", "", heading.group(2))  # drop attr_list `{ #id }`
                found.append((len(heading.group(1)), text, offset))
        offset += len(line)
    return found


def check_page(lesson: Lesson, snippets_dir: Path, problems: list[Problem]) -> None:
    """The page's structure, its includes, its terms in use and its TODOs."""
    page = lesson.page
    text = page.read_text(encoding="utf-8")
    headings = _headings(lesson.body)
    if not headings or headings[0][0] != 1:
        problems.append(
            Problem(
                page,
                lesson.body_start_line,
                "the page does not start with its title as a `# ` heading",
                f"put `# {lesson.title}` right after the front matter",
            )
        )
    sections = {title: offset for level, title, offset in headings if level == 2}
    for heading in REQUIRED_HEADINGS:
        if heading not in sections:
            problems.append(
                Problem(
                    page,
                    lesson.body_line(len(lesson.body.rstrip())),
                    f"missing section `## {heading}`",
                    f"add a `## {heading}` section at the end of the page",
                )
            )
    for marker, heading in MARKER_SECTIONS.items():
        position = lesson.body.find(marker)
        if position < 0:
            problems.append(
                Problem(
                    page,
                    lesson.body_line(sections.get(heading, len(lesson.body.rstrip()))),
                    f"missing `{marker}`",
                    f"put `{marker}` on its own line under `## {heading}`",
                )
            )
            continue
        owner = [title for level, title, offset in headings if level <= 2 and offset < position]
        if heading in sections and (not owner or owner[-1] != heading):
            problems.append(
                Problem(
                    page,
                    lesson.body_line(position),
                    f"`{marker}` is not in the `## {heading}` section",
                    f"move it under `## {heading}`",
                )
            )
    for include in lesson.includes:
        target = include.target
        if not (snippets_dir / target).is_file():
            fix = (
                "run `make outputs` to record it"
                if "/outputs/" in target
                else f"create snippets/{target} or correct the path"
            )
            problems.append(Problem(page, include.line, f"included file snippets/{target} does not exist", fix))
    _check_continuing_blocks(lesson, snippets_dir, problems)
    prose = lesson.body.split(KEY_TERMS_MARKER)[0]
    for term in lesson.terms:
        if not any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", prose) for name in term.names):
            problems.append(
                Problem(
                    lesson.folder / "terms.yml",
                    term.line,
                    f"key term {term.term!r} is never used in the lesson text",
                    "use the term in the lesson (before Key terms), or add the wording you used to its aliases",
                )
            )
    files = [(page, text)]
    for path in (lesson.folder / "terms.yml", lesson.folder / "quiz.yml"):
        if path.is_file():
            files.append((path, path.read_text(encoding="utf-8")))
    snippet_folder = snippets_dir / lesson.slug
    for snippet in sorted(snippet_folder.glob("*.py")) if snippet_folder.is_dir() else []:
        if not SNIPPET_NAME.match(snippet.name):
            problems.append(
                Problem(
                    snippet,
                    1,
                    f"snippet name {snippet.name!r} is not `<nn>_<what_it_shows>.py`",
                    "rename it, e.g. 01_same_architecture.py (two digits, lowercase words joined by _)",
                )
            )
        files.append((snippet, snippet.read_text(encoding="utf-8")))
    for path, content in files:
        for match in TODO.finditer(content):
            problems.append(
                Problem(
                    path,
                    content.count("\n", 0, match.start()) + 1,
                    "a TODO is left",
                    "write the missing content, then delete the TODO",
                )
            )


def _check_continuing_blocks(lesson: Lesson, snippets_dir: Path, problems: list[Problem]) -> None:
    """A snippet that continues another (`# Continues the block above (NN_name.py)`, first line)
    is shown right under that block: the page promises that the blocks, run in order in one
    interpreter, print what it shows (coursetools.runner runs them so)."""
    shown = [include for include in lesson.includes if include.kind == "snippet"]
    for index, include in enumerate(shown):
        path = snippets_dir / include.target
        previous = continues(path) if path.is_file() else None
        if previous is None:
            continue
        above = shown[index - 1].target if index else None
        if not previous.is_file():
            message = f"{include.target} continues {previous.name}, which does not exist"
        elif above is None or (snippets_dir / above).resolve() != previous.resolve():
            message = f"{include.target} continues {previous.name}, but the block above it is {above or 'none'}"
        else:
            continue
        problems.append(
            Problem(
                lesson.page,
                include.line,
                message,
                f"include {previous.name} right above it, or make the snippet run on its own (CONTRIBUTING.md)",
            )
        )
