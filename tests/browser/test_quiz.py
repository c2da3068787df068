"""The Check yourself quiz: feedback, score, saved answers, broken storage, keyboard, navigation."""

from __future__ import annotations

import re

from browsing import BLOCKED_STORAGE, FIXTURE_SLUG, FULL_STORAGE, INJECTION, LESSON, Quiz, score_line, standing
from playwright.sync_api import expect

FEEDBACK_RIGHT = "Correct."
NONE_ANSWERED = "None answered yet."


def feedback_wrong(question) -> str:
    return f"Not quite — the answer is: {question.options[question.correct]}"


def answer_all(quiz: Quiz, questions) -> None:
    """Every question right except the last."""
    for question in questions[:-1]:
        quiz.answer(question.id, question.correct)
    quiz.answer(questions[-1].id, questions[-1].wrong)


def expect_answered(quiz: Quiz, questions) -> None:
    for question in questions[:-1]:
        expect(quiz.feedback(question.id)).to_be_visible()
        expect(quiz.feedback(question.id)).to_have_text(FEEDBACK_RIGHT)
        expect(quiz.explanation(question.id)).to_be_visible()
        assert quiz.checked(question.id) == [question.correct]
    last = questions[-1]
    expect(quiz.feedback(last.id)).to_have_text(feedback_wrong(last))
    expect(quiz.explanation(last.id)).to_be_visible()
    assert quiz.checked(last.id) == [last.wrong]
    expect(quiz.score).to_have_text(score_line(len(questions), len(questions) - 1, len(questions)))


def test_answers_score_reload_and_reset(open_page, sites, questions):
    page, watch = open_page()
    page.goto(sites.url("main", LESSON))
    quiz = Quiz(page)
    quiz.mounted()
    expect(quiz.score).to_have_text(NONE_ANSWERED)
    for question in questions:
        expect(quiz.feedback(question.id)).to_be_hidden()
        expect(quiz.explanation(question.id)).to_be_hidden()

    answer_all(quiz, questions)
    expect_answered(quiz, questions)
    expect(quiz.status).to_contain_text(feedback_wrong(questions[-1]))
    assert quiz.choices() == {
        f"slm-course:base-vs-instruct:{q.id}:v{q.version}": q.wrong if q is questions[-1] else q.correct
        for q in questions
    }
    # Each answer carries the time it was given (ms since 1970), so an import keeps the newer one.
    now = page.evaluate("() => Date.now()")
    assert all(0 < now - value["time"] < 60_000 for value in quiz.saved().values())
    expect(quiz.storage_note).to_be_hidden()

    page.reload()
    quiz.mounted()
    expect_answered(quiz, questions)

    page.get_by_role("button", name="Reset answers").click()
    expect(quiz.score).to_have_text(NONE_ANSWERED)
    for question in questions:
        expect(quiz.feedback(question.id)).to_be_hidden()
        expect(quiz.explanation(question.id)).to_be_hidden()
        assert quiz.checked(question.id) == []
    assert quiz.saved() == {}
    page.reload()
    quiz.mounted()
    expect(quiz.score).to_have_text(NONE_ANSWERED)
    assert all(quiz.checked(q.id) == [] for q in questions)
    watch.assert_clean()


def test_answers_stay_with_their_lesson(open_page, sites, questions):
    """The fixture lesson reuses two of lesson 1.1's question ids; only the lesson keeps them apart."""
    page, watch = open_page()
    page.goto(sites.url("variant", LESSON))
    quiz = Quiz(page)
    quiz.mounted()
    answer_all(quiz, questions)
    expect(quiz.score).to_have_text(score_line(len(questions), len(questions) - 1, len(questions)))

    page.goto(sites.url("variant", f"lessons/{FIXTURE_SLUG}/"))
    other = Quiz(page, f"slm-course:{FIXTURE_SLUG}")
    other.mounted()
    expect(other.score).to_have_text(NONE_ANSWERED)
    for qid in ("what-base-does", "when-base"):
        assert other.checked(qid) == []
        expect(other.feedback(qid)).to_be_hidden()
    other.answer("when-base", 0)
    expect(other.score).to_have_text(score_line(1, 1, 2))
    assert other.choices() == {f"slm-course:{FIXTURE_SLUG}:when-base:v1": 0}

    page.goto(sites.url("variant", LESSON))
    quiz.mounted()
    expect_answered(quiz, questions)
    watch.assert_clean()


def test_bumping_a_version_drops_only_that_answer(open_page, sites, questions):
    page, watch = open_page()
    bumped_url = sites.url("bumped", LESSON)  # build it before answering
    page.goto(sites.url("variant", LESSON))
    quiz = Quiz(page)
    quiz.mounted()
    for question in questions:
        quiz.answer(question.id, question.correct)
    expect(quiz.score).to_have_text(score_line(len(questions), len(questions), len(questions)))

    # Same origin, rebuilt site: `when-base` has its next version.
    version = next(question.version for question in questions if question.id == "when-base")
    page.goto(bumped_url)
    quiz.mounted()
    assert quiz.question("when-base").get_attribute("data-version") == str(version + 1)
    expect(quiz.score).to_have_text(score_line(len(questions) - 1, len(questions) - 1, len(questions)))
    for question in questions:
        if question.id == "when-base":
            assert quiz.checked(question.id) == []
            expect(quiz.feedback(question.id)).to_be_hidden()
        else:
            assert quiz.checked(question.id) == [question.correct]
            expect(quiz.feedback(question.id)).to_have_text(FEEDBACK_RIGHT)
    saved = quiz.saved()
    assert f"slm-course:base-vs-instruct:when-base:v{version}" not in saved
    assert f"slm-course:base-vs-instruct:when-base:v{version + 1}" not in saved
    assert len(saved) == len(questions) - 1
    watch.assert_clean()


# ---------------------------------------------------------------- storage that misbehaves


def _quiz_works_without_saving(page, quiz: Quiz, questions, message: str) -> None:
    quiz.mounted()
    answer_all(quiz, questions)
    expect_answered(quiz, questions)
    expect(quiz.storage_note).to_be_visible()
    expect(quiz.storage_note).to_contain_text(message)
    page.get_by_role("button", name="Reset answers").click()
    expect(quiz.score).to_have_text(NONE_ANSWERED)


def test_storage_that_throws_on_access(open_page, sites, questions):
    page, watch = open_page()
    page.add_init_script(BLOCKED_STORAGE)
    page.goto(sites.url("main", LESSON))
    assert page.evaluate("() => { try { localStorage; return false } catch (e) { return e.name } }") == "SecurityError"
    quiz = Quiz(page)
    _quiz_works_without_saving(page, quiz, questions, "won't be kept in this browser")
    watch.assert_clean()


def test_storage_that_is_full(open_page, sites, questions):
    page, watch = open_page()
    page.add_init_script(FULL_STORAGE)
    page.goto(sites.url("main", LESSON))
    quiz = Quiz(page)
    quiz.mounted()
    expect(quiz.storage_note).to_be_hidden()  # reading works; only saving fails
    _quiz_works_without_saving(page, quiz, questions, "won't be kept in this browser")
    assert quiz.saved() == {}
    watch.assert_clean()


def test_storage_holding_garbage(open_page, sites, questions):
    page, watch = open_page()
    page.goto(sites.url("main", LESSON))
    first, second = questions[0], questions[1]
    page.evaluate(
        """([a, b]) => { localStorage.setItem(a, "{not json"); localStorage.setItem(b, '{"choice": 99}'); }""",
        [
            f"slm-course:base-vs-instruct:{first.id}:v{first.version}",
            f"slm-course:base-vs-instruct:{second.id}:v{second.version}",
        ],
    )
    page.reload()
    quiz = Quiz(page)
    quiz.mounted()
    expect(quiz.storage_note).to_be_visible()
    expect(quiz.storage_note).to_contain_text("could not be read")
    expect(quiz.score).to_have_text(NONE_ANSWERED)
    assert quiz.checked(first.id) == [] and quiz.checked(second.id) == []
    answer_all(quiz, questions)
    expect_answered(quiz, questions)
    # The storage itself works, so the unreadable entries are replaced by real answers.
    assert quiz.choices()[f"slm-course:base-vs-instruct:{first.id}:v{first.version}"] == first.correct
    watch.assert_clean()


# ---------------------------------------------------------------- keyboard, navigation, markup


def test_keyboard_only(open_page, sites, questions):
    page, watch = open_page()
    page.goto(sites.url("main", LESSON))
    quiz = Quiz(page)
    quiz.mounted()
    # Start from the "Check yourself" heading's permalink, the last focusable before the quiz.
    page.locator("#check-yourself a.headerlink").focus()
    for number, question in enumerate(questions, 1):
        page.keyboard.press("Tab")
        focused = page.evaluate("() => [document.activeElement.name, document.activeElement.value]")
        assert focused == [f"base-vs-instruct--{question.id}", "0"], f"Tab {number} landed on {focused}"
        outline = page.evaluate("() => getComputedStyle(document.activeElement.closest('label')).outlineStyle")
        assert outline not in ("none", ""), "the focused option has no visible focus ring"
        if question.correct == 0:
            page.keyboard.press("Space")
        else:
            for _ in range(question.correct):
                page.keyboard.press("ArrowDown")
        assert quiz.checked(question.id) == [question.correct]
        expect(quiz.feedback(question.id)).to_have_text(FEEDBACK_RIGHT)
        expect(quiz.status).to_have_text(f"Question {number}: Correct. {standing(number, number, len(questions))}.")
    expect(quiz.score).to_have_text(score_line(len(questions), len(questions), len(questions)))
    assert quiz.status.get_attribute("role") == "status"
    assert quiz.status.get_attribute("aria-live") == "polite"
    page.keyboard.press("Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Reset answers"
    page.keyboard.press("Enter")
    expect(quiz.score).to_have_text(NONE_ANSWERED)
    watch.assert_clean()


MOUNT_COUNTER = """
window.__quizMounts = 0;
document.addEventListener("course-quiz:mount", (event) => {
  window.__quizMounts += 1;
  event.target.__mounts = (event.target.__mounts || 0) + 1;
});
"""


def test_instant_navigation_mounts_once(open_page, sites, questions):
    page, watch = open_page()
    page.add_init_script(MOUNT_COUNTER)
    page.goto(sites.url("main", LESSON))
    quiz = Quiz(page)
    quiz.mounted()
    first = questions[0]
    quiz.answer(first.id, first.correct)
    page.evaluate("() => { window.__sameDocument = true }")

    page.locator(".md-sidebar--primary a.md-nav__link[href$='glossary/']").click()
    page.wait_for_url(re.compile(r".*/glossary/(#.*)?$"))
    # Wait on the state, not the address: Material swaps the page in after the URL changes, and
    # going back before the glossary is in place would race its swap with the return's.
    expect(page.locator("form.course-quiz")).to_have_count(0)
    expect(page.locator("article h1#glossary")).to_have_count(1)
    page.go_back()
    page.wait_for_url(re.compile(rf".*/{LESSON}(#.*)?$"))  # navigation.tracking may add a hash
    quiz.mounted()
    expect(page.locator("article h1#glossary")).to_have_count(0)
    assert page.evaluate("() => window.__sameDocument") is True, "navigation was not instant"
    assert page.locator("form.course-quiz").count() == 1
    assert page.evaluate("() => window.__quizMounts") == 2  # the first visit and the return
    assert page.evaluate("() => document.querySelector('form.course-quiz').__mounts") == 1
    # Material emits document$ again for the same document: the form must not be bound twice.
    page.evaluate("() => window.document$.next(document)")
    assert page.evaluate("() => document.querySelector('form.course-quiz').__mounts") == 1
    assert quiz.checked(first.id) == [first.correct]
    expect(quiz.feedback(first.id)).to_have_text(FEEDBACK_RIGHT)
    expect(quiz.score).to_have_text(score_line(1, 1, len(questions)))

    second = questions[1]
    quiz.answer(second.id, second.wrong)
    expect(quiz.score).to_have_text(score_line(2, 1, len(questions)))
    expect(quiz.status).to_contain_text("Question 2: Not quite")
    assert len(quiz.saved()) == 2
    watch.assert_clean()


def test_injected_markup_renders_as_text(open_page, sites):
    page, watch = open_page()
    page.goto(sites.url("variant", f"lessons/{FIXTURE_SLUG}/"))
    quiz = Quiz(page, f"slm-course:{FIXTURE_SLUG}")
    quiz.mounted()
    question = quiz.question("what-base-does")
    expect(question.locator("legend")).to_contain_text(INJECTION)
    expect(question.locator("label").nth(1)).to_contain_text(INJECTION)
    quiz.answer("what-base-does", 0)
    expect(quiz.feedback("what-base-does")).to_have_text(f"Not quite — the answer is: Option with markup {INJECTION}")
    expect(quiz.explanation("what-base-does")).to_contain_text(INJECTION)
    expect(quiz.status).to_contain_text(INJECTION)
    assert page.locator("form.course-quiz img").count() == 0
    page.wait_for_timeout(200)  # an onerror handler would have fired by now
    assert watch.dialogs == []
    watch.assert_clean()
