"""The course's widgets (quiz, outcome box, key terms, glossary, lesson list), rendered from the
Jinja templates in overrides/course/.

A template is looked up as Material looks up its partials: in the theme's folders first (the
site's `custom_dir`, then the theme's own), then in the course's defaults. So a theme overrides a
widget by putting `course/<widget>.html` in its `custom_dir`. Every value is HTML-escaped unless
a template says otherwise (`|inline`, `|as_markdown`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path

from jinja2 import Environment, FileSystemLoader, StrictUndefined
from markupsafe import Markup, escape

from . import cost
from .lessons import Lesson, track_name

# The course's own templates, relative to the folder of mkdocs.yml.
DEFAULTS = Path("overrides")

_CODE = re.compile(r"`([^`]+)`")


def inline(text: object) -> Markup:
    """Quiz text for HTML: `backticks` become inline code and everything else is escaped, so
    quiz text is content, never markup (`<img onerror=…>` shows as text and runs nothing)."""
    parts = _CODE.split(str(text))
    return Markup("").join(
        Markup("<code>{}</code>").format(part) if index % 2 else escape(part) for index, part in enumerate(parts)
    )


def as_markdown(text: object) -> Markup:
    """Text written in Markdown (terms.yml, the front matter, track names), left for the page's
    Markdown to render as it renders the page around it: HTML-escaping it would show entities
    inside its `code`, and lose the abbreviations of terms written with `&`."""
    return Markup(str(text))


class Widgets:
    def __init__(self, search_path: Sequence[str | Path]):
        self.env = Environment(
            loader=FileSystemLoader([str(folder) for folder in search_path]),
            autoescape=True,
            # A misspelt name in an override fails the build instead of rendering as nothing.
            undefined=StrictUndefined,
            trim_blocks=True,
            lstrip_blocks=True,
        )
        self.env.filters.update(inline=inline, as_markdown=as_markdown)

    @classmethod
    def for_site(cls, theme_dirs: Sequence[str | Path], course_root: Path) -> Widgets:
        """The widgets of a site whose theme looks in `theme_dirs` (MkDocs' `config.theme.dirs`,
        its custom_dir first)."""
        return cls([*theme_dirs, course_root / DEFAULTS])

    def _render(self, name: str, **context) -> str:
        return self.env.get_template(f"course/{name}.html").render(**context)

    def quiz(self, lesson: Lesson, namespace: str) -> str:
        """The Check yourself form (HTML, for the rendered page)."""
        return self._render("quiz", lesson=lesson, quiz_key=f"{namespace}:{lesson.slug}")

    def outcome(self, lesson: Lesson, colab: str | None, takes: str = "") -> str:
        """Markdown for under the lesson's title: its track and number, and what it teaches."""
        return self._render(
            "outcome",
            lesson=lesson,
            outcome=" ".join(str(lesson.meta["outcome"]).split()),
            # mkdocs-jupyter renders the notebook as a page at lessons/<slug>/<slug>/, its file beside it.
            notebook_page=f"{lesson.slug}/",
            colab=colab,
            takes=takes,
        )

    def key_terms(self, lesson: Lesson) -> str:
        """Markdown (md_in_html) for the lesson's definition list."""
        return self._render("key_terms", terms=lesson.terms)

    def glossary(self, lessons: list[Lesson], page_dir: str) -> str:
        """Markdown for the glossary: every term, alphabetically, linking back to its lesson."""
        terms = sorted((t for lesson in lessons for t in lesson.terms), key=lambda t: t.term.lower())
        entries = [{"term": term, "link": f"{relative(term.lesson.src_uri, page_dir)}#{term.id}"} for term in terms]
        return self._render("glossary", entries=entries)

    def lesson_list(self, lessons: list[Lesson], tracks: dict, page_dir: str, costs: dict | None = None) -> str:
        """Markdown for the home page: lessons grouped by track, in order, each with what running
        it takes (`costs` by slug, coursetools.cost)."""
        grouped = [
            {
                "number": number,
                "name": track_name(tracks, number),
                "lessons": [
                    {
                        "lesson": lesson,
                        "link": relative(lesson.src_uri, page_dir),
                        "takes": cost.list_words(costs[lesson.slug]) if costs else "",
                    }
                    for lesson in lessons
                    if lesson.meta["track"] == number
                ],
            }
            for number in sorted({lesson.meta["track"] for lesson in lessons})
        ]
        return self._render("lesson_list", tracks=grouped)


def relative(target_src_uri: str, page_dir: str) -> str:
    """A link from a page in `page_dir` (a docs-relative folder, '' for the root) to a .md file."""
    depth = len([p for p in page_dir.split("/") if p])
    return "../" * depth + target_src_uri
