"""The built site carries what a reader expects of the first lesson, the home page and the glossary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

ROOT = Path(__file__).resolve().parent.parent
LESSON = ROOT / "docs" / "lessons" / "base-vs-instruct"
SECTIONS = [
    'What "base" means',
    'What "instruct" means',
    "The chat template is for instruct models",
    "Which one should you fine-tune? Almost always: instruct",
    "When base is the right choice",
    "The alignment tax",
    "Key terms",
    "Check yourself",
]


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def lesson(built_site):
    return _page(built_site, "lessons/base-vs-instruct/index.html")


def _article(soup):
    return soup.select_one("article.md-content__inner")


def _text(element) -> str:
    """Visible text with whitespace folded, as a reader sees it."""
    return " ".join(element.get_text().split())


def test_lesson_has_every_section_of_the_draft(lesson):
    headings = [h.get_text(" ", strip=True).rstrip("¶").strip() for h in _article(lesson).find_all("h2")]
    assert headings == SECTIONS


def test_lesson_states_its_outcome_and_key_idea(lesson):
    text = _article(lesson).get_text(" ", strip=True)
    assert "After this lesson you can explain the difference between a base model and an instruct model" in text
    key_idea = _article(lesson).select_one(".admonition.tip")
    assert key_idea.select_one(".admonition-title").get_text(strip=True) == "Key idea"
    assert "someone else's alignment training" in key_idea.get_text()


def test_the_three_exceptions_and_five_behaviours_are_listed(lesson):
    article = _article(lesson)
    exceptions = [
        _text(li) for li in article.find("h2", id="when-base-is-the-right-choice").find_next("ol").find_all("li")
    ]
    assert [e.split(".")[0] for e in exceptions] == [
        "Continued pretraining",
        "Building your own instruct from scratch",
        "The shipped alignment fights your task",
    ]
    behaviours = article.find("h2", id="what-instruct-means").find_next("ul").find_all("li")
    assert len(behaviours) == 5


def test_six_key_terms_with_definitions_and_anchors(lesson):
    terms = yaml.safe_load((LESSON / "terms.yml").read_text())
    dl = _article(lesson).select_one("dl.course-terms")
    dts, dds = dl.find_all("dt"), dl.find_all("dd")
    assert [dt.get_text(strip=True) for dt in dts] == [t["term"] for t in terms]
    assert [dt["id"] for dt in dts] == [t["id"] for t in terms]
    assert len(terms) == 6
    for dd, term in zip(dds, terms):
        assert _text(dd) == " ".join(term["definition"].replace("`", "").split())


def test_key_terms_explain_themselves_on_hover(lesson):
    titles = {abbr.get_text(): abbr["title"] for abbr in _article(lesson).find_all("abbr")}
    assert "alignment tax" in titles and "refusals" in titles["alignment tax"]
    assert "chat template" in titles


def test_quiz_has_four_questions_each_with_one_correct_answer_and_an_explanation(lesson):
    quiz = lesson.select_one("form.course-quiz")
    questions = quiz.select("fieldset.course-quiz__question")
    assert len(questions) == 4
    for question in questions:
        assert question.find("legend").get_text(strip=True)
        radios = question.select("input[type=radio]")
        assert len(radios) >= 3 and len({r["name"] for r in radios}) == 1
        assert all(r.find_parent("label") for r in radios)
        assert len(question.select("input[data-correct]")) == 1
        assert question.select_one(".course-quiz__explanation").get_text(strip=True)
        assert question["data-question"] and question["data-version"].isdigit()
    assert quiz.select_one("[role=status][aria-live=polite]")
    assert quiz.select_one(".course-quiz__reset")
    assert quiz.select_one(".course-quiz__intro").get_text(strip=True).startswith("4 questions.")
    # Before any answer the score line says so, rather than "Score: 0/4".
    assert quiz.select_one(".course-quiz__score").get_text(strip=True) == "None answered yet."


def test_recorded_outputs_show_under_the_code_with_provenance(lesson):
    article = _article(lesson)
    provenance = article.select("p.course-provenance")
    assert provenance and all("transformers" in p.get_text() and "torch" in p.get_text() for p in provenance)
    answer = [p for p in provenance if "SmolLM2-135M-Instruct" in p.get_text()]
    assert answer
    assert "The capital of France is Paris.<|im_end|>" in article.get_text()


def test_unwritten_lessons_are_plain_text_not_links(lesson):
    article = _article(lesson)
    text = article.get_text(" ", strip=True)
    for mention in ("Lesson 0.6", "Track 4, Lesson 4.5", "The next lesson"):
        assert mention in text
    for link in article.find_all("a"):
        assert "0.6" not in link.get_text() and "4.5" not in link.get_text()


def test_home_lists_the_lesson_by_track(built_site):
    home = _article(_page(built_site, "index.html"))
    link = next((a for a in home.find_all("a") if _text(a) == "Lesson 1.1: Base vs instruct models"), None)
    assert link and link["href"].rstrip("/").endswith("lessons/base-vs-instruct")
    assert any(_text(h).startswith("Track 1 · Choosing a starting model") for h in home.find_all("h3"))


def test_glossary_defines_each_term_and_links_back(built_site):
    glossary = _article(_page(built_site, "glossary/index.html"))
    entries = glossary.select(".course-glossary-entry")
    assert len(entries) == 6
    for entry in entries:
        back = entry.find("a", href=re.compile(r"lessons/base-vs-instruct/#"))
        assert back and back["href"].split("#")[1] == entry["id"]


def test_reader_features_are_on(built_site, lesson):
    html = str(lesson)
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert lesson.select_one("[data-md-component=search]")
    assert lesson.select_one("form[data-md-component=palette]") or lesson.select("input[name=__palette]")
    assert lesson.select_one("a.md-content__button[href*='/edit/']")
    assert lesson.select_one("footer .md-footer__link--next") or lesson.select_one(".md-footer__link")


def test_the_notebook_can_be_downloaded_from_the_lesson_and_its_page(built_site, lesson):
    lesson_dir = built_site / "lessons" / "base-vs-instruct"
    link = lesson.select_one("a.course-notebook-download[download]")
    assert (lesson_dir / link["href"]).is_file()
    notebook_page = _page(built_site, "lessons/base-vs-instruct/base-vs-instruct/index.html")
    button = notebook_page.select_one("a.course-notebook-download[download]")
    assert (lesson_dir / "base-vs-instruct" / button["href"]).is_file()
    assert not notebook_page.select("a[rel=edit]"), "a generated notebook has no source file to edit"
