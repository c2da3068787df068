"""axe-core on the home page, a lesson (with its quiz answered) and the glossary, light and dark."""

from __future__ import annotations

import pytest
from axe_playwright_python.sync_playwright import Axe
from browsing import LESSON, Quiz

SCHEMES = {"light": "default", "dark": "slate"}
PAGES = {"home": "", "lesson": LESSON, "glossary": "glossary/"}

_axe = Axe()


@pytest.mark.parametrize("scheme", SCHEMES)
def test_no_serious_accessibility_violations(open_page, sites, questions, scheme):
    # Material picks the palette whose media query matches, as it does for a first-time reader.
    page, watch = open_page(color_scheme=scheme)
    problems = []
    for name, path in PAGES.items():
        page.goto(sites.url("main", path))
        assert page.locator("body").get_attribute("data-md-color-scheme") == SCHEMES[scheme]
        if name == "lesson":
            quiz = Quiz(page)
            quiz.mounted()
            quiz.answer(questions[0].id, questions[0].correct)
            quiz.answer(questions[1].id, questions[1].wrong)
        results = _axe.run(page)
        for violation in results.response["violations"]:
            if violation["impact"] in ("serious", "critical"):
                nodes = [" ".join(node["target"]) for node in violation["nodes"]][:5]
                problems.append(f"{name} ({scheme}): {violation['id']} — {violation['help']}: {nodes}")
    assert not problems, "\n".join(problems)
    watch.assert_clean()
