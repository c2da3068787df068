"""The built site carries what a reader expects of the first lesson, the home page and the glossary."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
import yaml
from bs4 import BeautifulSoup

from coursetools.lessons import load_course, read_config, track_name

ROOT = Path(__file__).resolve().parent.parent
COURSE = load_course(ROOT / "docs", ROOT / "snippets")
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


def test_key_terms_with_definitions_and_anchors(lesson):
    terms = yaml.safe_load((LESSON / "terms.yml").read_text())
    dl = _article(lesson).select_one("dl.course-terms")
    dts, dds = dl.find_all("dt"), dl.find_all("dd")
    assert [dt.get_text(strip=True) for dt in dts] == [t["term"] for t in terms]
    assert [dt["id"] for dt in dts] == [t["id"] for t in terms]
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


def test_the_pretraining_reference_links_to_lesson_0_6(lesson):
    link = next((a for a in _article(lesson).find_all("a") if "Lesson 0.6" in _text(a)), None)
    assert link is not None, "lesson 1.1's pretraining reference should link to lesson 0.6"
    assert link["href"].rstrip("/").endswith("next-token-prediction")


def test_the_track_4_reference_links_to_lesson_4_5(lesson):
    [link] = [a for a in _article(lesson).find_all("a") if "4.5" in a.get_text()]
    assert _text(link) == "Track 4, Lesson 4.5"
    assert link["href"].rstrip("/").endswith("preference-tuning-with-dpo")


def test_the_next_lesson_links_to_lesson_1_2(lesson):
    link = next((a for a in _article(lesson).find_all("a") if _text(a) == "The next lesson"), None)
    assert link is not None, "lesson 1.1's closing sentence should link to lesson 1.2"
    assert link["href"].rstrip("/").endswith("picking-a-base-model")
    assert "license, tokenizer, context length, size" in _text(link.find_parent("p"))


def test_home_lists_every_lesson_by_track(built_site):
    home = _article(_page(built_site, "index.html"))
    links = {_text(a): a["href"] for a in home.find_all("a")}
    tracks = read_config((ROOT / "mkdocs.yml").read_text())["extra"]["course"]["tracks"]
    headings = [_text(h).rstrip("¶").strip() for h in home.find_all("h3")]
    for lesson in COURSE:
        href = links.get(f"Lesson {lesson.number}: {lesson.title}")
        assert href and href.rstrip("/").endswith(f"lessons/{lesson.slug}"), lesson.slug
        name = track_name(tracks, lesson.meta["track"])
        assert f"Track {lesson.meta['track']}{' · ' + name if name else ''}" in headings


def test_glossary_defines_every_term_of_the_course_and_links_back(built_site):
    glossary = _article(_page(built_site, "glossary/index.html"))
    entries = {entry["id"]: entry for entry in glossary.select(".course-glossary-entry")}
    terms = [term for lesson in COURSE for term in lesson.terms]
    assert sorted(entries) == sorted(term.id for term in terms)
    for term in terms:
        back = entries[term.id].find("a", href=re.compile(rf"lessons/{term.lesson.slug}/#{term.id}$"))
        assert back and _text(back) == f"Lesson {term.lesson.number}: {term.lesson.title}"


def test_reader_features_are_on(built_site, lesson):
    html = str(lesson)
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert lesson.select_one("[data-md-component=search]")
    assert lesson.select_one("form[data-md-component=palette]") or lesson.select("input[name=__palette]")
    assert lesson.select_one("a.md-content__button[href*='/edit/']")
    assert lesson.select_one("footer .md-footer__link--next") or lesson.select_one(".md-footer__link")


def test_the_notebook_can_be_opened_downloaded_and_read_from_the_lesson(built_site, lesson):
    lesson_dir = built_site / "lessons" / "base-vs-instruct"
    download = lesson.select_one("a.course-notebook-download[download]")
    served = lesson_dir / download["href"]
    assert served.read_bytes() == (LESSON / "base-vs-instruct.ipynb").read_bytes(), "the committed notebook is served"
    page = lesson.select_one("a.course-notebook-page")
    notebook_page = _page(built_site, f"lessons/base-vs-instruct/{page['href']}index.html")
    assert "Output not recorded yet" in notebook_page.get_text() or notebook_page.select(".jp-OutputArea-output")
    assert not notebook_page.select("a[rel=edit]"), "a generated notebook has no source file to edit"
    button = notebook_page.select_one("a.course-notebook-download[download]")
    assert (lesson_dir / page["href"] / button["href"]).is_file()


def test_open_in_colab_points_at_the_notebook_the_site_serves(built_site, lesson):
    """Colab opens a path in the GitHub repository: that path must hold the file the site serves."""
    config = read_config((ROOT / "mkdocs.yml").read_text())
    owner_repo_branch = re.match(r"https://github\.com/([^/]+/[^/]+)/edit/([^/]+)/", config["edit_uri"]).groups()
    colab = lesson.select_one("a.course-notebook-colab")["href"]
    prefix = f"https://colab.research.google.com/github/{owner_repo_branch[0]}/blob/{owner_repo_branch[1]}/"
    assert colab.startswith(prefix)
    in_repository = ROOT / colab.removeprefix(prefix)
    served = built_site / "lessons/base-vs-instruct" / lesson.select_one("a.course-notebook-download")["href"]
    assert in_repository.read_bytes() == served.read_bytes()


def test_the_courses_own_scripts_and_stylesheet_are_published_minified(built_site):
    config = read_config((ROOT / "mkdocs.yml").read_text())
    for name in [*config["extra_javascript"], *config["extra_css"]]:
        source, published = ROOT / "docs" / name, built_site / name
        assert len(published.read_bytes()) < 0.8 * len(source.read_bytes()), f"{name} is published as written"
