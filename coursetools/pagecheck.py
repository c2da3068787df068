"""A lesson page's structure: its title, the two closing sections and their markers, what it
includes, its key terms in use, and no TODO left in the lesson's files."""

from __future__ import annotations

import functools
import html
import re
from pathlib import Path

import markdown
import markdown.treeprocessors
import markdown.util

from coursetools.course import Lesson, Problem
from coursetools.includes import continues

REQUIRED_HEADINGS = ("Key terms", "Check yourself")
KEY_TERMS_MARKER = "<!-- course:key-terms -->"
QUIZ_MARKER = "<!-- course:quiz -->"
# Each marker must sit in its section: the hooks replace it with the rendered list or quiz.
MARKER_SECTIONS = {KEY_TERMS_MARKER: "Key terms", QUIZ_MARKER: "Check yourself"}
SNIPPET_NAME = re.compile(r"^\d{2}_[a-z0-9]+(?:_[a-z0-9]+)*\.py$")
TODO = re.compile(r"\bTODO\b")
# The extensions of mkdocs.yml's `markdown_extensions` that decide what is a heading (a fence, an
# admonition, an HTML block or a definition hides a `#` line; attr_list strips `{ #id }`), without
# those that only change how a page looks or what it includes. tests/test_lesson_validation.py
# checks they are the site's.
HEADING_EXTENSIONS = (
    "abbr",
    "admonition",
    "attr_list",
    "def_list",
    "md_in_html",
    "pymdownx.details",
    "pymdownx.superfences",
)
# A line that may write a heading: an ATX line, or a line above a setext underline. Each gets its
# line number as an attribute (attr_list), so each heading the parser makes says where it was written.
_ATX = re.compile(r"^([ \t>]*#{1,6})(?:[ \t]+(.*?))?(?:[ \t]+#+)?[ \t]*$")
_UNDERLINE = re.compile(r"^[ \t>]*(?:=+|-+)[ \t]*$")
_ATTRS_AT_END = re.compile(r"\{:?[^}\n]*\}$")
_LINE_ATTR = "data-course-line"


class _Headings(markdown.treeprocessors.Treeprocessor):
    """Collects (level, text, line) of every heading, after attr_list has read the attributes."""

    def run(self, root):
        stash = self.md.htmlStash.rawHtmlBlocks  # an entity or inline HTML waits there as a placeholder
        self.found = [
            (
                int(element.tag[1]),
                html.unescape(
                    markdown.util.HTML_PLACEHOLDER_RE.sub(
                        lambda match: str(stash[int(match.group(1))]), "".join(element.itertext())
                    )
                ).strip(),
                int(element.get(_LINE_ATTR, -1)),
            )
            for element in root.iter()
            if element.tag in ("h1", "h2", "h3", "h4", "h5", "h6")
        ]


@functools.cache
def _markdown() -> tuple[markdown.Markdown, _Headings]:
    md = markdown.Markdown(extensions=list(HEADING_EXTENSIONS))
    collector = _Headings(md)
    md.treeprocessors.register(collector, "course_headings", 0)  # last: after inline and attr_list
    return md, collector


def _with_line(text: str, index: int) -> str:
    attribute = f'{_LINE_ATTR}="{index}"'
    if _ATTRS_AT_END.search(text):
        return f"{text[:-1].rstrip()} {attribute} }}"
    return f"{text} {{ {attribute} }}"


def _headings(body: str) -> list[tuple[int, str, int]]:
    """(level, text, offset) of every heading, in order. Python-Markdown, with the site's extensions
    that shape blocks, decides what is a heading: a `#` line in a fence, say, is none."""
    lines = body.split("\n")
    tagged = list(lines)
    for index, line in enumerate(lines):
        line = line.rstrip("\r")
        atx = _ATX.match(line)
        if atx:
            tagged[index] = f"{atx.group(1)} {_with_line(atx.group(2) or '', index)}"
        elif line.strip() and index + 1 < len(lines) and _UNDERLINE.match(lines[index + 1].rstrip("\r")):
            tagged[index] = _with_line(line.rstrip(), index)
    md, collector = _markdown()
    md.reset()
    md.convert("\n".join(tagged))
    starts = [0]
    for line in lines:
        starts.append(starts[-1] + len(line) + 1)
    return [(level, text, starts[max(index, 0)]) for level, text, index in collector.found]


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
