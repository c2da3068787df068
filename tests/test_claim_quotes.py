"""Claim tests and prose stay linked (coursetools.claims).

Every test in tests/snippets/<slug>/ quotes, with `@pytest.mark.quotes(...)`, the sentence(s) of
its lesson page whose claim it holds. Edit such a sentence and the test that holds it fails here,
by name, until someone has looked at both. The course's own tests are checked as they are; the
guard itself is checked on a small course written in a temporary folder.
"""

from __future__ import annotations

import textwrap
from pathlib import Path

from coursetools import claims
from coursetools.runner import ROOT

PAGE = """---
title: A lesson
---

# A lesson

The model replies with `LABEL: positive`
on every review.

It has 3 layers.

It has 5 heads, which nobody quotes.

A paragraph about nothing in particular.

## Key terms

<!-- course:key-terms -->
"""


def _course(tmp_path: Path, tests: str, page: str = PAGE, slug: str = "a-lesson") -> Path:
    (tmp_path / "docs" / "lessons" / slug).mkdir(parents=True)
    (tmp_path / "docs" / "lessons" / slug / "index.md").write_text(page)
    (tmp_path / "tests" / "snippets" / slug).mkdir(parents=True)
    (tmp_path / "tests" / "snippets" / slug / "test_01_x.py").write_text(textwrap.dedent(tests))
    return tmp_path


def test_every_claim_test_quotes_a_sentence_still_on_its_page():
    found = claims.problems(ROOT)
    assert not found, "\n".join(str(problem) for problem in found)


def test_every_lesson_with_claim_tests_has_them_all_checked():
    """The guard sees every claim test pytest collects: one per `def test_` in tests/snippets."""
    seen = claims.claim_tests(ROOT)
    written = sum(
        line.lstrip().startswith(("def test", "async def test"))
        for path in (ROOT / "tests" / "snippets").glob("*/test_*.py")
        for line in path.read_text(encoding="utf-8").splitlines()
    )
    assert seen and len(seen) == written


def test_a_quote_that_matches_up_to_whitespace_passes(tmp_path):
    course = _course(
        tmp_path,
        """
        import pytest


        @pytest.mark.quotes("The model replies with `LABEL: positive` on every review.", "It has 3 layers.")
        def test_replies(runner):
            pass


        class TestGrouped:
            pytestmark = []

            @pytest.mark.quotes("It has 3 layers.")
            def test_layers(self):
                pass
        """,
    )
    assert claims.problems(course) == []


def test_a_test_without_quotes_fails_naming_the_test_the_page_and_the_fix(tmp_path):
    course = _course(
        tmp_path,
        """
        import pytest


        def test_layers(runner):
            pass


        @pytest.mark.quotes()
        def test_heads(runner):
            pass
        """,
    )
    found = claims.problems(course)
    assert [(p.path.name, p.line) for p in found] == [("test_01_x.py", 5), ("test_01_x.py", 10)]
    for problem, name in zip(found, ["test_layers", "test_heads"]):
        assert f"{name} quotes no sentence of docs/lessons/a-lesson/index.md" in problem.message
        assert "@pytest.mark.quotes" in problem.fix and "docs/lessons/a-lesson/index.md" in problem.fix


def test_a_quote_no_longer_on_the_page_fails(tmp_path):
    course = _course(
        tmp_path,
        """
        import pytest


        @pytest.mark.quotes("It has 3 layers.", "It has 4 layers.")
        def test_layers(runner):
            pass
        """,
    )
    [problem] = claims.problems(course)
    assert "test_layers quotes a sentence that is no longer on docs/lessons/a-lesson/index.md" in problem.message
    assert "'It has 4 layers.'" in problem.message and "page changed" in problem.fix


def test_a_quote_that_is_not_a_written_sentence_fails(tmp_path):
    course = _course(
        tmp_path,
        """
        import pytest

        CLAIM = "It has 3 layers."


        @pytest.mark.quotes(CLAIM)
        def test_layers(runner):
            pass
        """,
    )
    [problem] = claims.problems(course)
    assert "@pytest.mark.quotes(CLAIM) is not a sentence written out" in problem.message


def test_claim_tests_of_a_lesson_that_does_not_exist_fail(tmp_path):
    course = _course(tmp_path, '@__import__("pytest").mark.quotes("x")\ndef test_x():\n    pass\n')
    (course / "tests" / "snippets" / "a-lesson").rename(course / "tests" / "snippets" / "gone")
    [problem] = claims.problems(course)
    assert "docs/lessons/gone/index.md, which does not exist" in problem.message


def test_the_report_lists_paragraphs_about_a_model_that_no_test_quotes(tmp_path):
    name = claims.MODEL_NAMES[0]
    page = PAGE.replace("A paragraph about nothing in particular.", f"{name} is the model here; the block prints it.")
    course = _course(
        tmp_path,
        """
        import pytest


        @pytest.mark.quotes("It has 3 layers.")
        def test_layers(runner):
            pass
        """,
        page,
    )
    found = claims.unquoted(course)
    assert [(p.line, p.reasons) for p in found] == [
        (12, ["numbers 5"]),
        (14, [f"names {name}", "says what a block prints"]),
    ]
    assert found[0].text == "It has 5 heads, which nobody quotes."
    assert claims.report(course)[0] == "docs/lessons/a-lesson/index.md:12: numbers 5"
