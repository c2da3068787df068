"""The reader's progress across the course: the home page's lesson list, completion marks in the
nav, and the Your progress page (export, import, reset), on the sites with two or more lessons.

Lessons, questions and versions come from the course itself (Sites.lessons), never from here.
"""

from __future__ import annotations

import json
import re
from datetime import UTC, datetime
from pathlib import Path

import pytest
from browsing import (
    BLOCKED_STORAGE,
    FIXTURE_SLUG,
    FULL_STORAGE,
    INJECTION,
    LESSON,
    NAMESPACE,
    Quiz,
    answer_key,
    right,
    saved,
    seed,
    standing,
    wrong,
)
from playwright.sync_api import expect

SLUG = LESSON.strip("/").split("/")[-1]  # lesson 1.1
PROGRESS = "progress/"
FORMAT = "slm-course-progress"


def by_slug(lessons, slug):
    return next(lesson for lesson in lessons if lesson.slug == slug)


def iso(ms: int) -> str:
    return datetime.fromtimestamp(ms / 1000, UTC).isoformat(timespec="milliseconds").replace("+00:00", "Z")


def status(page, slug: str):
    """The lesson's line in the home page's lesson list."""
    return page.locator(f'.course-lesson-status[data-lesson="{slug}"]')


def nav_entry(page, slug: str):
    """The lesson's entry in the site nav (on the lesson's own page, its active entry)."""
    if re.search(rf"/lessons/{slug}/(#.*)?$", page.url):
        return page.locator(".md-nav--primary li.md-nav__item--active > a.md-nav__link")
    return page.locator(f'.md-nav--primary a.md-nav__link[href$="/{slug}/"]')


def row(page, slug: str):
    """The lesson's row on the Your progress page."""
    return page.locator(f'.course-progress tr[data-lesson="{slug}"]')


def answered_cell(page, slug: str):
    return row(page, slug).locator(".course-progress__answered")


def export(page) -> tuple[dict, str, bytes]:
    with page.expect_download() as info:
        page.get_by_role("button", name="Export answers").click()
    download = info.value
    content = Path(download.path()).read_bytes()
    return json.loads(content), download.suggested_filename, content


def import_file(page, name: str, content: bytes) -> None:
    with page.expect_file_chooser() as chooser:
        page.get_by_role("button", name="Import answers from a file").click()
    chooser.value.set_files({"name": name, "mimeType": "application/json", "buffer": content})


def transfer_message(page):
    return page.locator(".course-progress__message").first


def progress_file(answers: list[dict], **fields) -> bytes:
    data = {"format": FORMAT, "version": 1, "namespace": NAMESPACE, "exported": iso(1_700_000_000_000)}
    data.update(fields)
    data["answers"] = answers
    return json.dumps(data).encode()


# ---------------------------------------------------------------- home page and nav


def test_home_and_nav_follow_the_quiz(open_page, sites):
    lessons = sites.lessons("variant")
    assert len(lessons) >= 2
    questions = by_slug(lessons, SLUG).questions
    total = len(questions)
    page, watch = open_page()

    page.goto(sites.url("variant"))
    for lesson in lessons:
        expect(status(page, lesson.slug)).to_have_text("Not started")
    expect(page.locator(".course-nav-done")).to_have_count(0)  # no saved answers: no marks
    expect(page.locator(".course-progress-note")).to_have_count(0)

    page.goto(sites.url("variant", LESSON))
    quiz = Quiz(page)
    quiz.mounted()
    quiz.answer(questions[0].id, right(questions[0]))
    quiz.answer(questions[1].id, wrong(questions[1]))
    expect(nav_entry(page, SLUG)).to_have_count(1)
    expect(page.locator(".course-nav-done")).to_have_count(0)

    # Home through the nav: Material's instant navigation, no reload.
    page.evaluate("() => { window.__sameDocument = true }")
    page.locator(".md-sidebar--primary").get_by_role("link", name="Home", exact=True).click()
    # Material's navigation.tracking may add the heading in view as a #hash as the page settles.
    page.wait_for_url(re.compile(re.escape(sites.url("variant")) + r"(#.*)?$"))
    expect(status(page, SLUG)).to_have_text(standing(2, 1, total))
    for lesson in lessons:
        if lesson.slug != SLUG:
            expect(status(page, lesson.slug)).to_have_text("Not started")
    expect(page.locator(".course-nav-done")).to_have_count(0)

    page.locator("article li", has=status(page, SLUG)).get_by_role("link").first.click()
    page.wait_for_url(re.compile(rf".*/{LESSON}(#.*)?$"))
    quiz.mounted()
    for question in questions[2:]:
        quiz.answer(question.id, right(question))
    # The mark appears as the last question is answered, on the lesson's own page.
    entry = nav_entry(page, SLUG)
    expect(entry.locator(".course-nav-done")).to_have_count(1)
    expect(entry).to_have_accessible_name(re.compile(r"\(completed\)$"))

    page.locator(".md-sidebar--primary").get_by_role("link", name="Home", exact=True).click()
    # Material's navigation.tracking may add the heading in view as a #hash as the page settles.
    page.wait_for_url(re.compile(re.escape(sites.url("variant")) + r"(#.*)?$"))
    expect(status(page, SLUG)).to_have_text("✓" + standing(total, total - 1, total))
    expect(nav_entry(page, SLUG).locator(".course-nav-done")).to_have_count(1)
    expect(nav_entry(page, SLUG)).to_have_accessible_name(re.compile(r"\(completed\)$"))
    for lesson in lessons:
        if lesson.slug != SLUG:
            expect(status(page, lesson.slug)).to_have_text("Not started")
            expect(nav_entry(page, lesson.slug).locator(".course-nav-done")).to_have_count(0)
            expect(nav_entry(page, lesson.slug)).not_to_have_accessible_name(re.compile("completed"))
    assert page.evaluate("() => window.__sameDocument") is True, "navigation was not instant"
    # Material emits document$ again for the same page: still one mark per entry.
    page.evaluate("() => window.document$.next(document)")
    page.wait_for_timeout(200)
    expect(page.locator(".course-nav-done")).to_have_count(1)
    watch.assert_clean()


def test_a_bumped_question_counts_as_unanswered(open_page, sites):
    before = by_slug(sites.lessons("variant"), SLUG).questions
    after = by_slug(sites.lessons("bumped"), SLUG).questions
    versions = {q.id: q.version for q in before}
    changed = [q for q in after if q.version != versions[q.id]]
    assert changed, "the bumped site bumps no question of lesson 1.1"
    total, still = len(after), len(after) - len(changed)
    bumped_home = sites.url("bumped")  # build it before answering
    page, watch = open_page()
    page.goto(sites.url("variant", LESSON))
    quiz = Quiz(page)
    quiz.mounted()
    for question in before:
        quiz.answer(question.id, right(question))

    page.goto(sites.url("variant"))
    expect(status(page, SLUG)).to_have_text("✓" + standing(total, total, total))
    expect(nav_entry(page, SLUG).locator(".course-nav-done")).to_have_count(1)

    # Same origin and storage, a site where one question has a new version; the lesson's quiz
    # (which deletes stale answers) is never opened, so the old answer is still stored.
    page.goto(bumped_home)
    expect(status(page, SLUG)).to_have_text(standing(still, still, total))
    expect(page.locator(".course-nav-done")).to_have_count(0)
    page.goto(sites.url("bumped", PROGRESS))
    expect(answered_cell(page, SLUG)).to_have_text(f"{still} of {total}")
    stale = [q for q in before if q.id in {c.id for c in changed}]
    assert all(answer_key(SLUG, q) in saved(page) for q in stale)
    data, _, _ = export(page)
    assert {a["question"] for a in data["answers"] if a["lesson"] == SLUG} == {q.id for q in after if q not in changed}
    watch.assert_clean()


# ---------------------------------------------------------------- export, reset, import


def test_export_reset_import_restores_everything(open_page, sites):
    lessons = sites.lessons("variant")
    first, fixture = by_slug(lessons, SLUG), by_slug(lessons, FIXTURE_SLUG)
    page, watch = open_page()
    page.goto(sites.url("variant", LESSON))
    quiz = Quiz(page)
    quiz.mounted()
    for question in first.questions:
        quiz.answer(question.id, wrong(question) if question is first.questions[-1] else right(question))
    page.goto(sites.url("variant", f"lessons/{FIXTURE_SLUG}/"))
    other = Quiz(page, f"{NAMESPACE}:{FIXTURE_SLUG}")
    other.mounted()
    other.answer(fixture.questions[0].id, right(fixture.questions[0]))

    page.goto(sites.url("variant", PROGRESS))
    n = len(first.questions)
    expect(answered_cell(page, SLUG)).to_have_text(f"✓{n} of {n}, completed")
    expect(row(page, SLUG).locator(".course-progress__right")).to_have_text(str(n - 1))
    expect(answered_cell(page, FIXTURE_SLUG)).to_have_text(f"1 of {len(fixture.questions)}")
    before = saved(page)
    assert len(before) == n + 1

    data, name, content = export(page)
    assert re.fullmatch(rf"{NAMESPACE}-progress-\d{{4}}-\d{{2}}-\d{{2}}\.json", name)
    assert (data["format"], data["version"], data["namespace"]) == (FORMAT, 1, NAMESPACE)
    assert sorted(data) == ["answers", "exported", "format", "namespace", "version"]
    exported = {f"{NAMESPACE}:{a['lesson']}:{a['question']}:v{a['version']}": a for a in data["answers"]}
    assert exported.keys() == before.keys()
    for k, answer in exported.items():
        assert sorted(answer) == ["answer", "lesson", "question", "time", "version"]
        assert answer["answer"] == before[k]["choice"]
        assert answer["time"] == iso(before[k]["time"])
    expect(transfer_message(page)).to_have_text(
        f"Exported {len(before)} answers to {name}. Import that file on this page in the other browser."
    )

    # Reset all asks once, and changes nothing until the reader confirms.
    page.get_by_role("button", name="Reset all answers…").click()
    confirm = page.locator(".course-progress__confirm")
    expect(confirm).to_be_visible()
    expect(confirm).to_contain_text(f"Delete all {len(before)} saved answers")
    assert saved(page) == before
    page.get_by_role("button", name="Delete all answers").click()
    expect(confirm).to_be_hidden()
    expect(page.locator(".course-progress__message").last).to_have_text(
        f"Deleted {len(before)} answers from this browser."
    )
    assert saved(page) == {}
    expect(page.locator(".course-progress__summary")).to_have_text(
        "You haven't answered any questions in this browser yet."
    )
    for lesson in lessons:
        expect(answered_cell(page, lesson.slug)).to_have_text("Not started")
    expect(page.locator(".course-nav-done")).to_have_count(0)
    assert watch.dialogs == []  # the question is asked on the page, not in a browser dialog

    import_file(page, name, content)
    expect(transfer_message(page)).to_have_text(f"Imported {len(before)} answers from {name}.")
    assert saved(page) == before
    expect(answered_cell(page, SLUG)).to_have_text(f"✓{n} of {n}, completed")
    expect(nav_entry(page, SLUG).locator(".course-nav-done")).to_have_count(1)
    page.goto(sites.url("variant"))
    expect(status(page, SLUG)).to_have_text("✓" + standing(n, n - 1, n))
    expect(status(page, FIXTURE_SLUG)).to_have_text(standing(1, 1, len(fixture.questions)))
    watch.assert_clean()


def test_import_keeps_the_newer_answer(open_page, sites):
    questions = by_slug(sites.lessons("variant"), SLUG).questions
    q = questions[:4]
    t = 1_700_000_000_000
    page, watch = open_page()
    page.goto(sites.url("variant", PROGRESS))
    seed(
        page,
        {
            answer_key(SLUG, q[0]): {"choice": right(q[0]), "time": t + 1000},  # newer than the file's
            answer_key(SLUG, q[1]): {"choice": wrong(q[1]), "time": t - 1000},  # older
            answer_key(SLUG, q[2]): {"choice": wrong(q[2])},  # saved before answers had times
        },
    )
    page.reload()
    expect(answered_cell(page, SLUG)).to_have_text(f"3 of {len(questions)}")

    def entry(question, answer, lesson=SLUG, version=None):
        version = question.version if version is None else version
        return {"lesson": lesson, "question": question.id, "version": version, "answer": answer, "time": iso(t)}

    content = progress_file(
        [
            entry(q[0], wrong(q[0])),
            entry(q[1], right(q[1])),
            entry(q[2], right(q[2])),
            entry(q[3], right(q[3])),
            entry(q[3], wrong(q[3])) | {"time": iso(t - 5000)},  # an older duplicate loses
            entry(q[0], 0, lesson="a-lesson-this-site-lacks"),
            entry(q[1], 0, version=q[1].version + 1),
        ]
    )
    import_file(page, "merge.json", content)
    expect(transfer_message(page)).to_have_text(
        "Imported 3 answers from merge.json. 1 answer given more recently in this browser was kept. "
        "2 answers to questions that have changed or no longer exist were left out."
    )
    assert saved(page) == {
        answer_key(SLUG, q[0]): {"choice": right(q[0]), "time": t + 1000},
        answer_key(SLUG, q[1]): {"choice": right(q[1]), "time": t},
        answer_key(SLUG, q[2]): {"choice": right(q[2]), "time": t},
        answer_key(SLUG, q[3]): {"choice": right(q[3]), "time": t},
    }
    watch.assert_clean()


def refused_files(question_id: str, version: int) -> dict:
    """Files that must be refused: case -> (file name, content, words of the reason)."""

    def good(**fields) -> dict:
        entry = {"lesson": SLUG, "question": question_id, "version": version, "answer": 0, "time": iso(0)}
        return entry | fields

    return {
        "malformed": ("progress.json", b'{"format": "slm-course-progress", "answers": [', "isn't valid JSON"),
        "foreign": (
            "backup.json",
            json.dumps({"app": "another-site", "answers": []}).encode(),
            "not a progress file exported from this course",
        ),
        "another course": ("other.json", progress_file([good()], namespace="another-course"), "another course"),
        "oversized": ("big.json", progress_file([good()]) + b" " * (1024 * 1024), "too large"),
        "markup": ("markup.json", progress_file([good(question=INJECTION)]), "contains markup"),
        "markup in its name": (f"{INJECTION}.json", progress_file([good(answer=INJECTION)]), "contains markup"),
        "damaged answer": ("damaged.json", progress_file([good(), good(answer=99)]), "answer 2 isn't in the form"),
        "no list": ("list.json", progress_file("all of them"), "damaged"),
        "extra field": ("extra.json", progress_file([good(note="hi")]), "answer 1 isn't in the form"),
        "bad time": ("time.json", progress_file([good(time="yesterday")]), "answer 1 isn't in the form"),
    }


REFUSED = list(refused_files("any", 1))


@pytest.mark.parametrize("case", REFUSED)
def test_a_file_that_is_not_ours_is_refused_and_changes_nothing(open_page, sites, case):
    questions = by_slug(sites.lessons("variant"), SLUG).questions
    name, content, reason = refused_files(questions[0].id, questions[0].version)[case]
    page, watch = open_page()
    page.goto(sites.url("variant", PROGRESS))
    seed(page, {answer_key(SLUG, questions[1]): {"choice": wrong(questions[1]), "time": 1_700_000_000_000}})
    page.reload()
    expect(answered_cell(page, SLUG)).to_have_text(f"1 of {len(questions)}")
    before = saved(page)

    import_file(page, name, content)
    message = transfer_message(page)
    expect(message).to_contain_text(f"Nothing was imported from {name}: ")
    expect(message).to_contain_text(reason)
    expect(message).to_have_class(re.compile("course-progress__message--problem"))
    assert saved(page) == before
    expect(answered_cell(page, SLUG)).to_have_text(f"1 of {len(questions)}")
    assert page.locator(".course-progress img").count() == 0
    page.wait_for_timeout(100)  # an injected onerror handler would have fired by now
    watch.assert_clean()


# ---------------------------------------------------------------- storage that misbehaves


def test_blocked_storage_leaves_every_page_readable(open_page, sites):
    lessons = sites.lessons("variant")
    page, watch = open_page()
    page.add_init_script(BLOCKED_STORAGE)
    page.goto(sites.url("variant"))
    note = page.locator(".course-progress-note")
    expect(note).to_be_visible()
    expect(note).to_contain_text("isn't letting the course save data")
    for lesson in lessons:
        expect(status(page, lesson.slug)).to_be_hidden()
        expect(page.locator("article li", has=status(page, lesson.slug)).get_by_role("link").first).to_be_visible()
    expect(page.locator(".course-nav-done")).to_have_count(0)

    page.goto(sites.url("variant", PROGRESS))
    expect(page.locator(".course-progress .course-progress-note")).to_contain_text("isn't letting the course save data")
    expect(page.locator(".course-progress__summary")).to_have_text("Your progress can't be shown in this browser.")
    for lesson in lessons:
        expect(answered_cell(page, lesson.slug)).to_have_text("Unknown")
    page.get_by_role("button", name="Export answers").click()
    expect(transfer_message(page)).to_have_text("There are no saved answers in this browser to export.")
    questions = by_slug(lessons, SLUG).questions
    content = progress_file([{"lesson": SLUG, "question": questions[0].id, "version": 1, "answer": 0, "time": None}])
    import_file(page, "ok.json", content)
    expect(transfer_message(page)).to_contain_text("Nothing was imported from ok.json")
    page.get_by_role("button", name="Reset all answers…").click()
    expect(page.locator(".course-progress__message").last).to_have_text(
        "There are no saved answers in this browser to delete."
    )
    watch.assert_clean()


def test_full_storage_shows_what_is_saved_and_says_nothing_more_can_be(open_page, sites):
    questions = by_slug(sites.lessons("variant"), SLUG).questions
    page, watch = open_page()
    page.goto(sites.url("variant"))
    seed(page, {answer_key(SLUG, questions[0]): {"choice": right(questions[0]), "time": 1_700_000_000_000}})
    before = saved(page)
    page.add_init_script(FULL_STORAGE)
    page.reload()
    expect(status(page, SLUG)).to_have_text(standing(1, 1, len(questions)))
    expect(page.locator(".course-progress-note")).to_contain_text("full or read-only")

    page.goto(sites.url("variant", PROGRESS))
    expect(page.locator(".course-progress .course-progress-note")).to_contain_text("full or read-only")
    expect(answered_cell(page, SLUG)).to_have_text(f"1 of {len(questions)}")
    entries = [
        {"lesson": SLUG, "question": q.id, "version": q.version, "answer": right(q), "time": iso(1_800_000_000_000)}
        for q in questions
    ]
    import_file(page, "ok.json", progress_file(entries))
    expect(transfer_message(page)).to_contain_text("Nothing was imported from ok.json")
    assert saved(page) == before
    watch.assert_clean()


def test_unreadable_and_older_answers(open_page, sites):
    """Garbage counts as unanswered with a note; answers saved before times existed still count."""
    questions = by_slug(sites.lessons("variant"), SLUG).questions
    page, watch = open_page()
    page.goto(sites.url("variant"))
    seed(
        page,
        {answer_key(SLUG, questions[0]): "{not json", answer_key(SLUG, questions[1]): {"choice": right(questions[1])}},
    )
    page.reload()
    expect(status(page, SLUG)).to_have_text(standing(1, 1, len(questions)))
    expect(page.locator(".course-progress-note")).to_contain_text("could not be read")

    page.goto(sites.url("variant", PROGRESS))
    expect(page.locator(".course-progress .course-progress-note")).to_contain_text("could not be read")
    data, _, _ = export(page)
    assert data["answers"] == [
        {
            "lesson": SLUG,
            "question": questions[1].id,
            "version": questions[1].version,
            "answer": right(questions[1]),
            "time": None,
        }
    ]
    page.goto(sites.url("variant", LESSON))
    quiz = Quiz(page)
    quiz.mounted()
    assert quiz.checked(questions[1].id) == [right(questions[1])]
    watch.assert_clean()


# ---------------------------------------------------------------- keyboard only


def test_progress_page_by_keyboard_only(open_page, sites):
    lessons = sites.lessons("variant")
    questions = by_slug(lessons, SLUG).questions
    page, watch = open_page()
    # Listening from the start makes Chromium hand file choosers to Playwright: set up only when
    # the key is pressed, a fast key press can open (and lose) a real dialog instead.
    page.on("filechooser", lambda chooser: None)
    page.goto(sites.url("variant", PROGRESS))
    seed(page, {answer_key(SLUG, q): {"choice": right(q), "time": 1_700_000_000_000} for q in questions})
    page.reload()
    expect(answered_cell(page, SLUG)).to_contain_text("completed")
    # From the last lesson's link in the table, Tab reaches every action in order.
    row(page, lessons[-1].slug).get_by_role("link").focus()

    def tab_to(name: str) -> None:
        page.keyboard.press("Tab")
        assert page.evaluate("() => document.activeElement.textContent") == name
        outline = page.evaluate("() => getComputedStyle(document.activeElement).outlineStyle")
        assert outline not in ("none", ""), f"{name!r} has no visible focus ring"

    tab_to("Export answers")
    with page.expect_download() as download:
        page.keyboard.press("Enter")
    content = Path(download.value.path()).read_bytes()
    tab_to("Import answers from a file")
    tab_to("Reset all answers…")
    page.keyboard.press("Enter")
    expect(page.locator(".course-progress__confirm")).to_be_visible()
    # Focus moves to the question, so a screen reader reads it; Escape or "Keep them" cancels.
    assert page.evaluate("() => document.activeElement.textContent").startswith("Delete all")
    page.keyboard.press("Escape")
    expect(page.locator(".course-progress__confirm")).to_be_hidden()
    assert page.evaluate("() => document.activeElement.textContent") == "Reset all answers…"
    page.keyboard.press("Enter")
    tab_to("Delete all answers")
    page.keyboard.press("Enter")
    expect(page.locator(".course-progress__message").last).to_have_text(
        f"Deleted {len(questions)} answers from this browser."
    )
    assert saved(page) == {}
    assert page.evaluate("() => document.activeElement.textContent") == "Reset all answers…"

    page.keyboard.press("Shift+Tab")
    assert page.evaluate("() => document.activeElement.textContent") == "Import answers from a file"
    with page.expect_file_chooser() as chooser:
        page.keyboard.press("Enter")
    chooser.value.set_files({"name": "mine.json", "mimeType": "application/json", "buffer": content})
    expect(transfer_message(page)).to_have_text(f"Imported {len(questions)} answers from mine.json.")
    expect(answered_cell(page, SLUG)).to_contain_text("completed")
    watch.assert_clean()
