"""A quiz can't be passed by form (coursetools.lessons, run by the build): the right option is
the longest in at most half of a lesson's questions, and hedges ("may", "usually", …) are never
only on right options. Checked on a lesson written in a temporary folder; the course's own
quizzes are checked by test_lesson_validation.py's test_the_course_as_it_is_passes."""

from __future__ import annotations

from pathlib import Path

import pytest

from coursetools.lessons import HEDGES, LessonError, load_course

PAGE = """---
title: Quiz check
track: 9
order: 1
summary: A lesson to check the quiz lint.
outcome: After this lesson you can check a quiz.
---

# Quiz check

A quiz term is used here.

## Key terms

<!-- course:key-terms -->

## Check yourself

<!-- course:quiz -->
"""
TERMS = "- id: quiz-term\n  term: quiz term\n  definition: A term.\n"


def _quiz(*questions: tuple[str, list[str]]) -> str:
    """Each question is (right option, [wrong options]); the right one goes in varied places."""
    lines = ["questions:"]
    for number, (right, wrong) in enumerate(questions):
        lines += [f"  - id: q{number}", "    version: 1", f"    question: Question {number}?", "    options:"]
        options = list(wrong)
        options.insert(number % (len(wrong) + 1), right)
        for option in options:
            lines.append(f"      - text: {option}")
            if option is right:
                lines.append("        correct: true")
        lines += ["    explanation: Why.", ""]
    return "\n".join(lines)


def _problems(tmp_path: Path, quiz: str) -> list:
    lesson = tmp_path / "docs" / "lessons" / "quiz-check"
    lesson.mkdir(parents=True, exist_ok=True)
    (lesson / "index.md").write_text(PAGE)
    (lesson / "terms.yml").write_text(TERMS)
    (lesson / "quiz.yml").write_text(quiz)
    (tmp_path / "snippets").mkdir(exist_ok=True)
    try:
        load_course(tmp_path / "docs", tmp_path / "snippets")
    except LessonError as error:
        return error.problems
    return []


SHORT, LONG = "Right.", "A wrong answer, written long."


def test_right_is_longest_in_half_the_questions_passes(tmp_path):
    longest = ("The right answer, the longest one.", [SHORT, "No."])
    shorter = (SHORT, [LONG, "No."])
    assert _problems(tmp_path, _quiz(longest, longest, shorter, shorter)) == []


def test_right_is_longest_in_most_questions_fails_at_each_of_them(tmp_path):
    longest = ("The right answer, the longest one.", [SHORT, "No."])
    quiz = _quiz(longest, longest, longest, (SHORT, [LONG, "No."]))
    found = _problems(tmp_path, quiz)
    lines = quiz.splitlines()
    assert [p.line for p in found] == [lines.index(f"  - id: q{n}") + 1 for n in range(3)]
    for problem in found:
        assert problem.path.name == "quiz.yml"
        assert (
            "the right option is the longest, as in 3 of the quiz's 4 questions (at most 2 may be)" in problem.message
        )
        assert "as long and as qualified as the right answer" in problem.fix


def test_a_tie_for_longest_is_not_a_giveaway(tmp_path):
    tie = ("Same length A.", ["Same length B.", "No."])
    assert _problems(tmp_path, _quiz(tie, tie, tie, tie)) == []


@pytest.mark.parametrize("hedge", HEDGES)
def test_a_hedge_only_on_the_right_option_fails_at_its_line(tmp_path, hedge):
    right = f"It {hedge} stop."
    quiz = _quiz((right, ["It stops at once, always, whatever the prompt.", "No."]))
    [problem] = _problems(tmp_path, quiz)
    assert problem.line == quiz.splitlines().index(f"      - text: {right}") + 1
    assert f"only the right option hedges ({hedge})" in problem.message and "qualify a wrong option" in problem.fix


def test_a_hedge_on_a_wrong_option_too_passes(tmp_path):
    quiz = _quiz(("It may stop.", ["It usually goes on until the limit it was given.", "No."]))
    assert _problems(tmp_path, quiz) == []


def test_words_that_only_look_like_hedges_pass(tmp_path):
    quiz = _quiz(("It can't stop; maybe a cannon fired it.", ["It stops at once, always, whatever the prompt.", "No."]))
    assert _problems(tmp_path, quiz) == []
