"""The course as data: lessons, their key terms and questions, and the problems found in them.

Loading (coursetools.loading) fills these in from a lesson's files; the checks
(coursetools.pagecheck, coursetools.checks) report what is wrong as Problems, each with its
file, line and fix.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

from coursetools.includes import Include
from coursetools.repo import ROOT

LESSONS_DIR = "lessons"
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")


@dataclass
class Problem:
    path: Path
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        try:
            shown = self.path.relative_to(ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}: {self.message}\n    fix: {self.fix}"


class LessonError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        listing = "\n".join(str(p) for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the course content:\n{listing}")


@dataclass
class Term:
    id: str
    term: str
    definition: str
    aliases: list[str]
    lesson: Lesson
    line: int = 1

    @property
    def names(self) -> list[str]:
        """The term and its aliases: every wording the page may use."""
        return list(dict.fromkeys([self.term, *self.aliases]))


@dataclass
class Option:
    text: str
    correct: bool
    line: int = 1


@dataclass
class Question:
    id: str
    version: int
    question: str
    options: list[Option]
    explanation: str
    multi: bool = False
    line: int = 1


@dataclass
class Lesson:
    """A lesson as its files declare it. A front matter field the schema refused is left at its
    default (None, or ""), and the course is not built."""

    slug: str
    folder: Path
    body: str
    body_start_line: int
    title: str = ""
    track: int | None = None
    order: int | None = None
    summary: str = ""
    outcome: str = ""
    requires: list[str] = field(default_factory=list)
    terms: list[Term] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    includes: list[Include] = field(default_factory=list)
    meta_lines: dict[str, int] = field(default_factory=dict)

    @property
    def page(self) -> Path:
        return self.folder / "index.md"

    @property
    def src_uri(self) -> str:
        """The page's path inside docs/, as mkdocs.yml's nav names it."""
        return f"{LESSONS_DIR}/{self.slug}/index.md"

    @property
    def numbered(self) -> bool:
        """Whether track and order are both valid, so the lesson has a number."""
        return self.track is not None and self.order is not None

    @property
    def number(self) -> str:
        return f"{'?' if self.track is None else self.track}.{'?' if self.order is None else self.order}"

    @property
    def meta(self) -> dict:
        """The front matter fields as a dict, for code written before they were typed fields."""
        return {
            "title": self.title,
            "track": self.track,
            "order": self.order,
            "summary": self.summary,
            "outcome": self.outcome,
            "requires": self.requires,
        }

    def meta_line(self, key: str) -> int:
        """The page line of a front matter key (line 1, the opening `---`, when it is absent)."""
        return self.meta_lines.get(key, 1)

    def body_line(self, offset: int) -> int:
        """The page line of a character offset into the body."""
        return self.body_start_line + self.body.count("\n", 0, offset)


def track_name(tracks: dict, track: int) -> str:
    """The name of a track from the course plugin's `tracks` in mkdocs.yml ("" when it has none). The
    keys there are strings ("1": …), since a config read by another engine as TOML or JSON can
    only have string keys; whole-number keys work too."""
    return str(tracks.get(str(track)) or tracks.get(track) or "")
