"""Screenshots for people to look at (screenshots/, git-ignored): every lesson, lesson 1.1's
answered quiz, the home page and the Your progress page part-way through the course (and, on
phones, the nav with its completion marks), at desktop and phone widths, light and dark. The
tests check each page fits the phone."""

from __future__ import annotations

import pytest
from browsing import LESSON, ROOT, SCREENSHOTS, Quiz, partial_progress, seed

from coursetools.lessons import load_course

WIDTHS = {"desktop": 1280, "phone": 390}
SCHEMES = {"light": "default", "dark": "slate"}
# A full-page capture of a long page takes seconds on a busy machine: more than the tests'
# default 10 s wait is no failure of the page.
SHOT = {"timeout": 60_000, "animations": "disabled"}


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("device", WIDTHS)
def test_screenshots(open_page, sites, questions, device, scheme, in_scope):
    SCREENSHOTS.mkdir(exist_ok=True)
    width = WIDTHS[device]
    page, watch = open_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    for lesson in filter(in_scope, load_course(ROOT / "docs", ROOT / "snippets")):
        page.goto(sites.url("main", f"lessons/{lesson.slug}/"))
        Quiz(page, f"slm-course:{lesson.slug}").mounted()
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        assert_fits(page, width)
        whole_page(page, SCREENSHOTS / f"lesson-{lesson.slug}-{device}-{scheme}.png")
        page.goto(sites.url("main", f"lessons/{lesson.slug}/{lesson.slug}/"))  # its notebook, rendered
        assert_fits(page, width)
        whole_page(page, SCREENSHOTS / f"notebook-{lesson.slug}-{device}-{scheme}.png")

    page.goto(sites.url("main", LESSON))
    quiz = Quiz(page)
    quiz.mounted()

    for question in questions[:-1]:
        quiz.answer(question.id, question.correct)
    quiz.answer(questions[-1].id, questions[-1].wrong)
    quiz.question(questions[-1].id).locator("input").nth(questions[-1].wrong).focus()
    page.keyboard.press("ArrowUp")  # show the keyboard focus ring as well
    page.keyboard.press("ArrowDown")
    # A clip of the full page rather than an element shot, which would paint the sticky header
    # over the form wherever it had to scroll.
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_timeout(300)  # let the header settle at the top
    box = quiz.form.bounding_box()
    scroll_y = page.evaluate("() => window.scrollY")
    left = max(box["x"] - 8, 0)
    clip = {
        "x": left,
        "y": box["y"] + scroll_y - 8,
        "width": min(box["width"] + 16, width - left),
        "height": box["height"] + 16,
    }
    page.screenshot(path=SCREENSHOTS / f"quiz-{device}-{scheme}.png", full_page=True, clip=clip, **SHOT)
    watch.assert_clean()


def load_every_image(page) -> None:
    """Figures load lazily, as the reader scrolls; a full-page screenshot doesn't scroll, so it
    would show their empty cards. Load them all first, so a person can look at every figure."""
    page.evaluate(
        "() => document.querySelectorAll('img[loading=lazy]').forEach(img => { img.loading = 'eager'; img.decoding = 'sync'; })"
    )
    page.wait_for_function("() => [...document.images].every(img => img.complete && img.naturalWidth > 0)")


def whole_page(page, path) -> None:
    """A full-page screenshot with every figure in it. Chromium's full-page capture leaves images
    outside the viewport unpainted (blank cards), so the viewport is made as tall as the page,
    every image decoded, and the viewport put back afterwards."""
    load_every_image(page)
    viewport = page.viewport_size
    page.set_viewport_size(
        {"width": viewport["width"], "height": page.evaluate("document.documentElement.scrollHeight")}
    )
    page.evaluate("() => Promise.all([...document.images].map(img => img.decode()))")
    page.screenshot(path=path, full_page=True, **SHOT)
    page.set_viewport_size(viewport)


def assert_fits(page, width: int) -> None:
    # Nothing may widen the page beyond the screen (code scrolls inside its own box).
    overflow = page.evaluate("() => document.documentElement.scrollWidth")
    assert overflow <= width, f"the page is {overflow}px wide on a {width}px screen"


@pytest.mark.parametrize("scheme", SCHEMES)
@pytest.mark.parametrize("device", WIDTHS)
def test_progress_screenshots(open_page, sites, device, scheme):
    """Home page and Your progress, part-way through a course of two or more lessons."""
    SCREENSHOTS.mkdir(exist_ok=True)
    width = WIDTHS[device]
    page, watch = open_page(viewport={"width": width, "height": 900}, color_scheme=scheme)
    page.goto(sites.url("variant"))
    seed(page, partial_progress(sites.lessons("variant")))
    page.reload()
    page.locator(".course-lesson-status:not([hidden])").first.wait_for()
    page.locator(".md-nav--primary .course-nav-done").first.wait_for(state="attached")
    assert_fits(page, width)
    page.screenshot(path=SCREENSHOTS / f"home-progress-{device}-{scheme}.png", full_page=True, **SHOT)
    if device == "phone":
        page.locator("label.md-header__button[for='__drawer']").click()
        # Open the track that holds the finished lesson, to show its mark.
        track = page.locator(".md-nav--primary .md-nav__item--nested", has=page.locator(".course-nav-done"))
        track.locator("> label.md-nav__link").first.click()
        page.locator(".md-nav--primary .course-nav-done").first.wait_for()
        page.wait_for_timeout(400)  # let the drawer finish sliding in
        page.screenshot(path=SCREENSHOTS / f"nav-progress-{device}-{scheme}.png", **SHOT)

    page.goto(sites.url("variant", "progress/"))
    page.locator(".course-progress table").first.wait_for()
    assert_fits(page, width)
    page.screenshot(path=SCREENSHOTS / f"progress-{device}-{scheme}.png", full_page=True, **SHOT)
    page.get_by_role("button", name="Reset all answers…").click()
    page.get_by_role("button", name="Delete all answers").focus()
    page.evaluate("() => window.scrollTo(0, 0)")
    page.wait_for_timeout(300)  # let the header settle at the top
    page.screenshot(path=SCREENSHOTS / f"progress-reset-{device}-{scheme}.png", full_page=True, **SHOT)
    watch.assert_clean()
