"""The built site carries what a reader expects of every lesson, the home page and the glossary, from the course's own data."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from coursetools import settings
from coursetools.lessons import read_config, track_name
from coursetools.repo import ROOT

# The lessons, by folder, for parametrizing; their data comes from the `course` fixture. What one
# lesson's page says is tested beside it (tests/snippets/<slug>/), so editing its prose breaks only
# its own tests.
SLUGS = sorted(p.parent.name for p in (ROOT / "docs" / "lessons").glob("*/index.md"))


@pytest.fixture(scope="module")
def course(lessons):
    return {lesson.slug: lesson for lesson in lessons}


def _lesson(site: Path, slug: str) -> BeautifulSoup:
    return _page(site, f"lessons/{slug}/index.html")


def _without_fences(markdown: str) -> str:
    return re.sub(r"^(```|~~~).*?^\1", "", markdown, flags=re.M | re.S)


def _plain(heading: str) -> str:
    """A Markdown heading as the page shows it: inline code and emphasis marks dropped."""
    return re.sub(r"[`*_]", "", re.sub(r"\[([^\]]+)\]\([^)]*\)", r"\1", heading)).strip()


def _page(site: Path, path: str) -> BeautifulSoup:
    return BeautifulSoup((site / path).read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def lesson(built_site):
    return _lesson(built_site, SLUGS[0])


def _article(soup):
    return soup.select_one("article.md-content__inner")


def _text(element) -> str:
    """Visible text with whitespace folded, as a reader sees it."""
    return " ".join(element.get_text().split())


@pytest.mark.parametrize("slug", SLUGS)
def test_every_lesson_shows_the_sections_its_page_declares(built_site, course, slug):
    lesson = course[slug]
    declared = [m.group(1) for m in re.finditer(r"^## (.+?)\s*$", _without_fences(lesson.body), re.M)]
    shown = [_text(h).rstrip("¶").strip() for h in _article(_lesson(built_site, slug)).find_all("h2")]
    assert shown == [_plain(h) for h in declared]
    assert {"Key terms", "Check yourself"} <= set(shown)


@pytest.mark.parametrize("slug", SLUGS)
def test_every_lesson_states_its_outcome_under_its_title(built_site, course, slug):
    abstract = _article(_lesson(built_site, slug)).select_one(".admonition.abstract")
    assert " ".join(course[slug].outcome.replace("`", "").split()) in _text(abstract)


@pytest.mark.parametrize("slug", SLUGS)
def test_key_terms_with_definitions_and_anchors(built_site, course, slug):
    terms = course[slug].terms
    dl = _article(_lesson(built_site, slug)).select_one("dl.course-terms")
    dts, dds = dl.find_all("dt"), dl.find_all("dd")
    assert [dt.get_text(strip=True) for dt in dts] == [t.term for t in terms]
    assert [dt["id"] for dt in dts] == [t.id for t in terms]
    for dd, term in zip(dds, terms):
        assert _text(dd) == " ".join(term.definition.replace("`", "").split())


@pytest.mark.parametrize("slug", SLUGS)
def test_key_terms_explain_themselves_on_hover(built_site, course, slug):
    titles = {abbr.get_text(): abbr["title"] for abbr in _article(_lesson(built_site, slug)).find_all("abbr")}
    for term in course[slug].terms:
        used = [name for name in term.names if name in titles]
        assert used, f"{term.term!r} has no tooltip on its own lesson's page"
        assert titles[used[0]] == " ".join(term.definition.replace("`", "").split())


@pytest.mark.parametrize("slug", SLUGS)
def test_each_term_has_one_tooltip_per_page_on_its_first_use(built_site, course, slug):
    # Each tooltip costs a phone's main thread (Lighthouse); one per term is enough to explain it.
    article = _article(_lesson(built_site, slug))
    titles = [abbr["title"] for abbr in article.find_all("abbr")]
    assert titles and len(titles) == len(set(titles))


@pytest.mark.parametrize("slug", SLUGS)
def test_code_blocks_hold_no_spans_drawn_as_plain_text_and_give_their_length(built_site, slug):
    # A phone styles and lays out every element at load: tokens Material draws in the code's own
    # colour gain nothing from a <span> (render.light_code); a block's line count sizes it until
    # the browser lays it out (course.css, content-visibility).
    blocks = _article(_lesson(built_site, slug)).find_all("pre")
    assert blocks
    for pre in blocks:
        assert pre.select("span.n, span.w") == [], pre.get_text()[:80]
        assert pre["style"] == f"--course-lines:{pre.get_text().count(chr(10))}"


@pytest.mark.parametrize("slug", SLUGS)
def test_quiz_has_its_questions_each_with_one_correct_answer_and_an_explanation(built_site, course, slug):
    quiz = _lesson(built_site, slug).select_one("form.course-quiz")
    questions = quiz.select("fieldset.course-quiz__question")
    assert len(questions) == len(course[slug].questions)
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
    assert quiz.select_one(".course-quiz__intro").get_text(strip=True).startswith(f"{len(questions)} questions.")
    # Before any answer the score line says so, rather than "Score: 0/4".
    assert quiz.select_one(".course-quiz__score").get_text(strip=True) == "None answered yet."


@pytest.mark.parametrize("slug", SLUGS)
def test_recorded_outputs_show_under_the_code_with_provenance(built_site, slug):
    article = _article(_lesson(built_site, slug))
    provenance = article.select("p.course-provenance")
    recorded = [o for o in article.select("pre") if "course-output" in " ".join(o.parent.get("class", []))]
    assert provenance or not recorded
    assert all("transformers" in p.get_text() and "torch" in p.get_text() for p in provenance)


def test_home_lists_every_lesson_by_track(built_site, lessons):
    home = _article(_page(built_site, "index.html"))
    links = {_text(a): a["href"] for a in home.find_all("a")}
    tracks = settings.read(ROOT / "mkdocs.yml").tracks
    headings = [_text(h).rstrip("¶").strip() for h in home.find_all("h3")]
    for lesson in lessons:
        href = links.get(f"Lesson {lesson.number}: {lesson.title}")
        assert href and href.rstrip("/").endswith(f"lessons/{lesson.slug}"), lesson.slug
        name = track_name(tracks, lesson.track)
        assert f"Track {lesson.track}{' · ' + name if name else ''}" in headings


def test_glossary_defines_every_term_of_the_course_and_links_back(built_site, lessons):
    glossary = _article(_page(built_site, "glossary/index.html"))
    entries = {entry["id"]: entry for entry in glossary.select(".course-glossary-entry")}
    terms = [term for lesson in lessons for term in lesson.terms]
    assert sorted(entries) == sorted(term.id for term in terms)
    for term in terms:
        back = entries[term.id].find("a", href=re.compile(rf"lessons/{term.lesson.slug}/#{term.id}$"))
        assert back and _text(back) == f"Lesson {term.lesson.number}: {term.lesson.title}"


def test_the_glossary_has_no_term_tooltips_its_definitions_are_on_the_page(built_site):
    # Each tooltip costs a phone's main thread: on the glossary they were 291 and held it for 1 s.
    glossary = _article(_page(built_site, "glossary/index.html"))
    assert glossary.select(".course-glossary-entry") and not glossary.find_all("abbr")


def test_reader_features_are_on(built_site, lesson):
    html = str(lesson)
    assert "fonts.googleapis.com" not in html and "fonts.gstatic.com" not in html
    assert lesson.select_one("[data-md-component=search]")
    assert lesson.select_one("form[data-md-component=palette]") or lesson.select("input[name=__palette]")
    assert lesson.select_one("a.md-content__button[href*='/edit/']")
    assert lesson.select_one("footer .md-footer__link--next") or lesson.select_one(".md-footer__link")


@pytest.mark.parametrize("slug", SLUGS)
def test_the_notebook_can_be_opened_downloaded_and_read_from_the_lesson(built_site, slug):
    lesson = _lesson(built_site, slug)
    lesson_dir = built_site / "lessons" / slug
    download = lesson.select_one("a.course-notebook-download[download]")
    served = lesson_dir / download["href"]
    committed = ROOT / "docs" / "lessons" / slug / f"{slug}.ipynb"
    assert served.read_bytes() == committed.read_bytes(), "the committed notebook is served"
    page = lesson.select_one("a.course-notebook-page")
    notebook_page = _page(built_site, f"lessons/{slug}/{page['href']}index.html")
    assert "Output not recorded yet" in notebook_page.get_text() or notebook_page.select(".jp-OutputArea-output")
    assert not notebook_page.select("a[rel=edit]"), "a generated notebook has no source file to edit"
    button = notebook_page.select_one("a.course-notebook-download[download]")
    assert (lesson_dir / page["href"] / button["href"]).is_file()


@pytest.mark.parametrize("slug", SLUGS)
def test_open_in_colab_points_at_the_notebook_the_site_serves(built_site, slug):
    """Colab opens a path in the GitHub repository: that path must hold the file the site serves."""
    lesson = _lesson(built_site, slug)
    config = read_config((ROOT / "mkdocs.yml").read_text())
    owner_repo_branch = re.match(r"https://github\.com/([^/]+/[^/]+)/edit/([^/]+)/", config["edit_uri"]).groups()
    colab = lesson.select_one("a.course-notebook-colab")["href"]
    prefix = f"https://colab.research.google.com/github/{owner_repo_branch[0]}/blob/{owner_repo_branch[1]}/"
    assert colab.startswith(prefix)
    in_repository = ROOT / colab.removeprefix(prefix)
    served = built_site / "lessons" / slug / lesson.select_one("a.course-notebook-download")["href"]
    assert in_repository.read_bytes() == served.read_bytes()


def test_the_courses_own_scripts_and_stylesheet_are_published_minified(built_site):
    config = read_config((ROOT / "mkdocs.yml").read_text())
    for name in [*config["extra_javascript"], *config["extra_css"]]:
        source, published = ROOT / "docs" / name, built_site / name
        assert len(published.read_bytes()) < 0.8 * len(source.read_bytes()), f"{name} is published as written"
