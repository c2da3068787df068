"""The widgets come from templates a theme can override, and their text reaches the page escaped once.

One copy of the course is built with a theme folder as its custom_dir, holding its own key-terms
template (overrides/course/ keeps the course's), and with quiz text that holds `<` and `&`.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup
from course_copy import build, copy_course, edit

from coursetools.lessons import load_course

# A theme's key terms: a plain list, keeping the ids that the glossary's links point at.
THEME_KEY_TERMS = (
    '<ul class="theme-terms">{% for term in terms %}<li id="{{ term.id }}">{{ term.term }}</li>{% endfor %}</ul>\n'
)
# Text as a quiz author writes it; `a<b` is inline code.
MARKED_UP = "Is `a<b` true when a < b & b > 0?"


@pytest.fixture(scope="module")
def themed(tmp_path_factory) -> tuple[Path, Path, str]:
    """(the copy, its built site, the slug of the lesson whose first question is MARKED_UP)."""
    tmp = tmp_path_factory.mktemp("themed")
    course = copy_course(tmp / "course")
    theme = course / "theme" / "course"
    theme.mkdir(parents=True)
    (theme / "key_terms.html").write_text(THEME_KEY_TERMS, encoding="utf-8")
    edit(course / "mkdocs.yml", "custom_dir: overrides", "custom_dir: theme")

    lesson = next(lesson for lesson in load_course(course / "docs", course / "snippets") if lesson.questions)
    quiz_yml = lesson.folder / "quiz.yml"
    quiz = yaml.safe_load(quiz_yml.read_text(encoding="utf-8"))
    quiz["questions"][0]["question"] = MARKED_UP
    quiz_yml.write_text(yaml.safe_dump(quiz, sort_keys=False, allow_unicode=True), encoding="utf-8")

    site = tmp / "site"
    result = build(course, site)
    assert result.returncode == 0, result.stdout
    return course, site, lesson.slug


def _page(site: Path, slug: str) -> tuple[str, BeautifulSoup]:
    html = (site / "lessons" / slug / "index.html").read_text(encoding="utf-8")
    return html, BeautifulSoup(html, "html.parser")


def test_a_theme_overrides_one_widget_and_keeps_the_others(themed):
    course, site, _ = themed
    for lesson in load_course(course / "docs", course / "snippets"):
        _, page = _page(site, lesson.slug)
        listed = page.select("ul.theme-terms li")
        assert [li.get_text() for li in listed] == [term.term for term in lesson.terms], lesson.slug
        assert not page.select("dl.course-terms"), f"{lesson.slug} still shows the course's key terms"
        quiz = page.select_one("form.course-quiz")
        assert len(quiz.select("fieldset.course-quiz__question")) == len(lesson.questions), lesson.slug
        assert page.select_one(".admonition.abstract"), f"{lesson.slug} lost its outcome box"


def test_quiz_text_reaches_the_page_escaped_once(themed):
    _, site, slug = themed
    html, page = _page(site, slug)
    legend = page.select_one("form.course-quiz fieldset legend")
    assert legend.get_text() == f"1. {MARKED_UP.replace('`', '')}"
    assert legend.code.get_text() == "a<b"
    assert "when a &lt; b &amp; b &gt; 0?" in html
