"""axe-core on the home page, a lesson (with its quiz answered), the glossary and the reader's
progress (home page, nav and Your progress page part-way through the course), light and dark."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import BLOCKED_STORAGE, LESSON, Quiz, partial_progress, rest_pointer, seed

SCHEMES = {"light": "default", "dark": "slate"}
# Lighthouse's desktop screen, where its axe run found what ours at 1280 px did not (the sidebar
# scrolled to the page's link, Material's hidden nav title over its first links).
DESKTOP = {"width": 1350, "height": 940}
PAGES = {"home": "", "lesson": LESSON, "glossary": "glossary/"}

_axe = Axe()
# Lighthouse enables axe's target-size rule (WCAG 2.2, 2.5.8: 24 px targets or spacing); axe's
# defaults leave it out, and the sidebar's links failed it only in Lighthouse.
AXE_OPTIONS = {"resultTypes": ["violations"], "rules": {"target-size": {"enabled": True}}}


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_accessibility_violations(open_page, sites, questions, scheme):
    # Material picks the palette whose media query matches, as it does for a first-time reader.
    page, watch = open_page(viewport=DESKTOP, color_scheme=scheme)
    problems = []
    for name, path in PAGES.items():
        page.goto(sites.url("main", path))
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        if name == "lesson":
            quiz = Quiz(page)
            quiz.mounted()
            quiz.answer(questions[0].id, questions[0].correct)
            quiz.answer(questions[1].id, questions[1].wrong)
        problems += serious_violations(page, f"{name} ({scheme})")
    assert not problems, "\n".join(problems)
    watch.assert_clean()


def serious_violations(page, view: str) -> list[str]:
    problems = []
    rest_pointer(page)
    for violation in _axe.run(page, options=AXE_OPTIONS).response["violations"]:
        if violation["impact"] in ("serious", "critical"):
            nodes = [" ".join(node["target"]) for node in violation["nodes"]][:5]
            problems.append(f"{view}: {violation['id']} — {violation['help']}: {nodes}")
    return problems


@pytest.mark.parametrize("scheme", SCHEMES)
def test_progress_views_have_no_serious_accessibility_violations(open_page, sites, scheme):
    """With two or more lessons, one finished (nav mark) and others started."""
    page, watch = open_page(viewport=DESKTOP, color_scheme=scheme)
    page.goto(sites.url("variant"))
    seed(page, partial_progress(sites.lessons("variant")))
    problems = []
    page.reload()
    page.locator(".md-nav--primary .course-nav-done").first.wait_for()
    page.locator(".course-lesson-status:not([hidden])").first.wait_for()
    problems += serious_violations(page, f"home with progress ({scheme})")

    page.goto(sites.url("variant", "progress/"))
    page.locator(".course-progress table").first.wait_for()
    problems += serious_violations(page, f"progress ({scheme})")
    page.get_by_role("button", name="Reset all answers…").click()
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import answers from a file").click()
    chooser.value.set_files({"name": "x.json", "mimeType": "application/json", "buffer": b"not json"})
    page.locator(".course-progress__message--problem").wait_for()
    problems += serious_violations(page, f"progress, confirming a reset, import refused ({scheme})")

    blocked, blocked_watch = open_page(color_scheme=scheme)
    blocked.add_init_script(BLOCKED_STORAGE)
    for name, path in (("home", ""), ("progress", "progress/")):
        blocked.goto(sites.url("variant", path))
        blocked.locator(".course-progress-note").first.wait_for()
        problems += serious_violations(blocked, f"{name}, storage blocked ({scheme})")
    assert not problems, "\n".join(problems)
    watch.assert_clean()
    blocked_watch.assert_clean()
