"""Lessons as data: every lesson loaded and validated in one place, `load_course()`.

The build (coursetools.plugin) and the tests both go through it, so a lesson that the tests
accept is exactly a lesson that builds. Every problem names its file and line and says how to
fix it; all problems are collected before anything is reported. The work is split by job:

- coursetools.course      the data: Lesson, Term, Question, Option, Problem
- coursetools.loading     a lesson's files into a Lesson, each YAML file checked against its
                          schema (coursetools.lessondata, coursetools/schemas/)
- coursetools.includes    the page's `--8<--` include lines
- coursetools.pagecheck   the page's structure, includes, terms in use, TODOs
- coursetools.checks      the course's own rules, within a lesson and across the course

What a lesson is made of, and how to write one, is in CONTRIBUTING.md.
"""

from __future__ import annotations

from pathlib import Path

from coursetools import checks
from coursetools.checks import HEDGES, longest_is_right, nav_pages
from coursetools.course import (
    LESSONS_DIR,
    ROOT,
    SLUG,
    Lesson,
    LessonError,
    Option,
    Problem,
    Question,
    Term,
    track_name,
)
from coursetools.includes import INCLUDE, Include, includes
from coursetools.loading import load_lesson, read_config, split_front_matter
from coursetools.pagecheck import KEY_TERMS_MARKER, QUIZ_MARKER, check_page

# What other modules import from here, since before the split.
__all__ = [
    "HEDGES",
    "INCLUDE",
    "KEY_TERMS_MARKER",
    "LESSONS_DIR",
    "QUIZ_MARKER",
    "ROOT",
    "SLUG",
    "Include",
    "Lesson",
    "LessonError",
    "Option",
    "Problem",
    "Question",
    "Term",
    "includes",
    "load_course",
    "longest_is_right",
    "nav_pages",
    "read_config",
    "split_front_matter",
    "track_name",
]


def load_course(docs_dir: Path, snippets_dir: Path, nav=None, mkdocs_yml: Path | None = None) -> list[Lesson]:
    """Load and validate every lesson; raise LessonError listing every problem found.

    `nav` is mkdocs.yml's nav (when given, every lesson must be in it); `mkdocs_yml` is named in
    the problem when one is missing.
    """
    docs_dir, snippets_dir = Path(docs_dir), Path(snippets_dir)
    problems: list[Problem] = []
    lessons: list[Lesson] = []
    base = docs_dir / LESSONS_DIR
    for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
        if not (folder / "index.md").is_file():
            problems.append(Problem(folder, 1, "lesson folder has no index.md", "add index.md, or remove the folder"))
            continue
        if not SLUG.match(folder.name):
            problems.append(
                Problem(
                    folder,
                    1,
                    f"folder name {folder.name!r} is not a lowercase-hyphen slug",
                    "rename it, e.g. base-vs-instruct",
                )
            )
        lesson = load_lesson(folder, problems)
        checks.check_terms(lesson, problems)
        checks.check_quiz(lesson, problems)
        check_page(lesson, snippets_dir, problems)
        lessons.append(lesson)
    checks.check_terms_site_wide(lessons, problems)
    checks.check_numbers(lessons, problems)
    mkdocs_yml = Path(mkdocs_yml) if mkdocs_yml else docs_dir.parent / "mkdocs.yml"
    if nav is not None:
        checks.check_nav(lessons, nav, mkdocs_yml, problems)
    config = read_config(mkdocs_yml.read_text(encoding="utf-8")) if mkdocs_yml.is_file() else {}
    checks.check_code_blocks(docs_dir, config, problems)
    checks.check_recordings(lessons, snippets_dir, problems)
    if problems:
        raise LessonError(problems)
    return sorted(lessons, key=lambda lesson: (lesson.track, lesson.order))
