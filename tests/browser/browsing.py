"""Browser tests' helpers and fixtures (conftest.py registers the fixtures): the built site in headless Chromium, driven by Playwright for Python.

One HTTP server on 127.0.0.1 (random free port) serves every site these tests build, each in
its own folder, so all of them share one origin and therefore one localStorage:

- ``main``: the course as it is in this repository;
- ``variant``: a copy with a second, small fixture lesson (same question ids as lesson 1.1,
  plus a question whose text is an HTML injection attempt);
- ``bumped``: ``variant`` with one question's ``version`` raised in quiz.yml.

The three are built once per session, in parallel, and one Chromium serves every test.
Chromium is Debian's (``make browser``), found on PATH; without it, Playwright's own build
(``.venv/bin/playwright install chromium``) is used. With neither, the tests fail and say so.
"""

from __future__ import annotations

import functools
import json
import os
import re
import subprocess
import sys
import threading
from dataclasses import dataclass, field
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from course_copy import copy_course, write_notebooks
from playwright.sync_api import expect

from coursetools import chromium, scaffold
from coursetools.repo import ROOT

# expect() has its own ceiling (5 s by default), short for a machine that other jobs share.
expect.set_options(timeout=20_000)

SCREENSHOTS = ROOT / "screenshots"
LESSON = "lessons/base-vs-instruct/"
FIXTURE_SLUG = "fixture-second"
INJECTION = "<img src=x onerror=alert(1)>"
NO_BROWSER = (
    "No Chromium for the browser tests. Install Debian's with `make browser` "
    "(apt-get install chromium), or Playwright's own with `.venv/bin/playwright install chromium`."
)


# ---------------------------------------------------------------- building and serving sites


def start_build(source: Path, dest: Path, site_url: str) -> subprocess.Popen:
    # site_url must be where the site is served: Material's instant navigation only takes over
    # links to pages listed in sitemap.xml, which holds absolute URLs built from it.
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSE_SITE_URL": site_url}
    return subprocess.Popen(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(dest)],
        cwd=source,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


# A track of its own after the course's last one, so the fixture never takes a real lesson's number.
FIXTURE_PAGE = """\
---
title: Fixture lesson for the browser tests
track: {track}
order: 1
summary: A second lesson, so the tests can check that saved answers stay with their lesson.
outcome: After this lesson the browser tests know that quizzes keep to their own lesson.
---

# Fixture lesson for the browser tests

This page exists only in the browser tests' temporary copy of the course. It mentions a
fixture term so the key-term checks have something to find.

## Key terms

<!-- course:key-terms -->

## Check yourself

<!-- course:quiz -->
"""

FIXTURE_TERMS = """\
- id: fixture-term
  term: Fixture term
  aliases: [fixture term]
  definition: A term that only the browser tests' fixture lesson defines.
"""

# Question ids deliberately repeat lesson 1.1's, so only the lesson part of the storage key
# keeps the two quizzes apart.
FIXTURE_QUIZ = f"""\
questions:
  - id: what-base-does
    version: 1
    question: "Injected markup stays text: {INJECTION}"
    options:
      - text: "Plain option"
      - text: "Option with markup {INJECTION}"
        correct: true
      - text: "Another plain option"
    explanation: "Explanation with markup {INJECTION} shown as text."
  - id: when-base
    version: 1
    question: Which option is right?
    options:
      - text: This one.
        correct: true
      - text: Not this one.
    explanation: The first one.
"""


def add_fixture_lesson(course: Path) -> None:
    track = 1 + max(
        (m["track"] for m in scaffold.existing_lessons(course) if isinstance(m.get("track"), int)), default=0
    )
    folder = course / "docs" / "lessons" / FIXTURE_SLUG
    folder.mkdir(parents=True)
    (folder / "index.md").write_text(FIXTURE_PAGE.replace("{track}", str(track)))
    (folder / "terms.yml").write_text(FIXTURE_TERMS)
    (folder / "quiz.yml").write_text(FIXTURE_QUIZ)
    mkdocs_yml = course / "mkdocs.yml"
    entry = f"{track}.1 Fixture lesson: lessons/{FIXTURE_SLUG}/index.md"
    mkdocs_yml.write_text(
        scaffold.add_to_nav(mkdocs_yml.read_text(), track, 1, [entry], f"Track {track} · Browser test fixture")
    )


def bump_version(course: Path, slug: str, question_id: str) -> None:
    quiz = course / "docs" / "lessons" / slug / "quiz.yml"
    text = quiz.read_text()
    found = re.search(rf"- id: {re.escape(question_id)}\n    version: (\d+)\n", text)
    assert found, f"{quiz} has no `- id: {question_id}` followed by its `version:`"
    bumped = f"- id: {question_id}\n    version: {int(found.group(1)) + 1}\n"
    quiz.write_text(text[: found.start()] + bumped + text[found.end() :])


class _QuietHandler(SimpleHTTPRequestHandler):
    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass


@dataclass
class Sites:
    """The sites, built in parallel in the background and served from one folder on one origin."""

    www: Path
    work: Path
    origin: str
    builds: dict = field(default_factory=dict)
    outputs: dict = field(default_factory=dict)

    def start(self) -> None:
        for site in ("main", "variant", "bumped"):
            source = ROOT
            if site != "main":
                source = copy_course(self.work / site)
                add_fixture_lesson(source)
                write_notebooks(source)
            if site == "bumped":
                bump_version(source, "base-vs-instruct", "when-base")
            self.builds[site] = (source, start_build(source, self.www / site, f"{self.origin}/{site}/"))

    def url(self, site: str, path: str = "") -> str:
        source, build = self.builds[site]
        if build.returncode is None:
            self.outputs[site] = build.communicate()[0]
        output = self.outputs.get(site, "")
        if build.returncode != 0:
            pytest.fail(f"mkdocs build --strict of {source} failed:\n{output}", pytrace=False)
        return f"{self.origin}/{site}/{path}"

    def lessons(self, site: str) -> list:
        """The site's lessons as the build loads them (coursetools.lessons), in course order."""
        from coursetools.lessons import load_course

        source = self.builds[site][0]
        return load_course(source / "docs", source / "snippets")

    def stop(self) -> None:
        for _, build in self.builds.values():
            if build.returncode is None:
                build.kill()
                build.communicate()


@pytest.fixture(scope="session")
def sites(tmp_path_factory):
    www = tmp_path_factory.mktemp("www")
    work = tmp_path_factory.mktemp("courses")
    handler = functools.partial(_QuietHandler, directory=str(www))
    server = ThreadingHTTPServer(("127.0.0.1", 0), handler)
    server.daemon_threads = True
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    built = Sites(www, work, f"http://127.0.0.1:{server.server_address[1]}")
    built.start()
    yield built
    built.stop()
    server.shutdown()
    server.server_close()


# ---------------------------------------------------------------- the browser


@pytest.fixture(scope="session")
def browser():
    from playwright.sync_api import Error, sync_playwright

    with sync_playwright() as playwright:
        if chromium.executable() is None and not Path(playwright.chromium.executable_path).exists():
            pytest.fail(NO_BROWSER, pytrace=False)
        try:
            browser = chromium.launch(playwright)
        except Error as error:
            pytest.fail(f"{NO_BROWSER}\n{error}", pytrace=False)
        yield browser
        browser.close()


@dataclass
class Watch:
    """Everything a page did that a test may object to."""

    origin: str
    requests: list = field(default_factory=list)
    page_errors: list = field(default_factory=list)
    console_errors: list = field(default_factory=list)
    dialogs: list = field(default_factory=list)

    def foreign_requests(self) -> list[str]:
        allowed = urlsplit(self.origin).netloc
        return [
            url
            for url in self.requests
            if urlsplit(url).scheme in ("http", "https", "ws", "wss") and urlsplit(url).netloc != allowed
        ]

    def assert_clean(self) -> None:
        assert not self.page_errors, f"uncaught errors in the page: {self.page_errors}"
        assert not self.console_errors, f"console errors: {self.console_errors}"
        assert not self.foreign_requests(), f"requests left 127.0.0.1: {self.foreign_requests()}"
        assert not self.dialogs, f"dialogs opened: {self.dialogs}"


@pytest.fixture
def open_page(browser, sites):
    """open_page(**context_options) -> (page, watch). Every page is checked on teardown too."""
    contexts = []
    watches = []

    def _open(**options):
        options.setdefault("viewport", {"width": 1280, "height": 900})
        # What a test sees must not depend on timing: no animation or colour transition caught
        # half-way (axe's contrast check, a screenshot), whatever the machine's load.
        options.setdefault("reduced_motion", "reduce")
        context = browser.new_context(**options)
        # A ceiling, not a wait: every wait is on a state, and a busy machine may take longer.
        context.set_default_timeout(20_000)
        context.add_init_script(NO_MOTION)
        contexts.append(context)
        watch = Watch(sites.origin)
        watches.append(watch)
        context.on("request", lambda request: watch.requests.append(request.url))
        page = context.new_page()
        page.on("pageerror", lambda error: watch.page_errors.append(str(error)))
        page.on(
            "console",
            lambda message: watch.console_errors.append(message.text) if message.type == "error" else None,
        )

        def on_dialog(dialog):
            watch.dialogs.append(f"{dialog.type}: {dialog.message}")
            dialog.dismiss()

        page.on("dialog", on_dialog)
        return page, watch

    yield _open
    for context in contexts:
        context.close()
    for watch in watches:
        watch.assert_clean()


# Every page of every test: transitions and animations off, so a state is final as soon as it
# is set. Added as the document starts (an init script runs before any of the page's own).
NO_MOTION = """
(() => {
  const style = document.createElement("style");
  style.dataset.testNoMotion = "";
  style.textContent = "*, *::before, *::after { transition: none !important; animation: none !important; " +
    "scroll-behavior: auto !important; caret-color: transparent !important; }";
  const add = () => (document.head || document.documentElement).appendChild(style);
  if (document.documentElement) add();
  else document.addEventListener("DOMContentLoaded", add, { once: true });
})();
"""


def rest_pointer(page) -> None:
    """Move the pointer off the page, so nothing is hovered while a check inspects colours."""
    page.mouse.move(-1, -1)
    page.wait_for_function("() => !document.querySelector('body :hover')")


# ---------------------------------------------------------------- storage that misbehaves (init scripts)

BLOCKED_STORAGE = """
Object.defineProperty(window, "localStorage", {
  configurable: true,
  get() { throw new DOMException("The operation is insecure.", "SecurityError"); },
});
"""

FULL_STORAGE = """
Storage.prototype.setItem = function () {
  throw new DOMException("The quota has been exceeded.", "QuotaExceededError");
};
"""


# ---------------------------------------------------------------- the lesson's quiz


@dataclass
class Question:
    id: str
    version: int
    options: list[str]
    correct: int

    @property
    def wrong(self) -> int:
        return next(i for i in range(len(self.options)) if i != self.correct)


def load_questions(slug: str = "base-vs-instruct") -> list[Question]:
    import yaml

    data = yaml.safe_load((ROOT / "docs" / "lessons" / slug / "quiz.yml").read_text())
    return [
        Question(
            q["id"],
            q["version"],
            [" ".join(o["text"].split()) for o in q["options"]],
            next(i for i, o in enumerate(q["options"]) if o.get("correct") is True),
        )
        for q in data["questions"]
    ]


@pytest.fixture(scope="session")
def questions() -> list[Question]:
    return load_questions()


class Quiz:
    """The Check yourself form on the open page."""

    def __init__(self, page, quiz_key: str = "slm-course:base-vs-instruct"):
        self.page = page
        self.key = quiz_key
        self.form = page.locator(f'form.course-quiz[data-quiz="{quiz_key}"]')

    def question(self, qid: str):
        return self.form.locator(f'fieldset[data-question="{qid}"]')

    def answer(self, qid: str, index: int) -> None:
        self.question(qid).locator("label.course-quiz__option").nth(index).click()

    def feedback(self, qid: str):
        return self.question(qid).locator(".course-quiz__feedback")

    def explanation(self, qid: str):
        return self.question(qid).locator(".course-quiz__explanation")

    @property
    def score(self):
        return self.form.locator(".course-quiz__score")

    @property
    def status(self):
        return self.form.locator(".course-quiz__status")

    @property
    def storage_note(self):
        return self.form.locator(".course-quiz__storage")

    def checked(self, qid: str) -> list[int]:
        return (
            self.question(qid)
            .locator("input")
            .evaluate_all("inputs => inputs.filter(i => i.checked).map(i => Number(i.value))")
        )

    def mounted(self) -> None:
        self.form.and_(self.page.locator("[data-quiz-mounted]")).wait_for()

    def saved(self) -> dict:
        """This quiz's entries in localStorage, parsed."""
        return saved(self.page, self.key + ":")

    def choices(self) -> dict:
        """This quiz's saved choices by key, without the times they were given."""
        return {key: value["choice"] for key, value in self.saved().items()}


def saved(page, prefix: str = "slm-course:") -> dict:
    """localStorage entries whose keys start with `prefix`, parsed."""
    return page.evaluate(
        """prefix => Object.fromEntries(Object.keys(localStorage)
             .filter(k => k.startsWith(prefix)).map(k => [k, JSON.parse(localStorage.getItem(k))]))""",
        prefix,
    )


def standing(answered: int, right: int, total: int, not_started: str = "Not started") -> str:
    """Where a reader stands in a quiz, in the site's words (standing() in course-store.js)."""
    if not answered:
        return not_started
    if answered < total:
        return f"Answered {answered} of {total}, {right} right"
    return f"All {total} answered, {right} right"


def score_line(answered: int, right: int, total: int) -> str:
    """The quiz's score line under its questions."""
    return standing(answered, right, total, "None answered yet") + "."


# ---------------------------------------------------------------- the reader's progress

NAMESPACE = "slm-course"


def answer_key(slug: str, question) -> str:
    """The localStorage key of an answer to a question of coursetools.lessons."""
    return f"{NAMESPACE}:{slug}:{question.id}:v{question.version}"


def right(question) -> int:
    return next(i for i, option in enumerate(question.options) if option.correct)


def wrong(question) -> int:
    return next(i for i, option in enumerate(question.options) if not option.correct)


def seed(page, entries: dict) -> None:
    """Write localStorage entries as the quiz would (values are JSON-encoded unless strings)."""
    page.evaluate(
        "entries => { for (const [k, v] of Object.entries(entries)) localStorage.setItem(k, v) }",
        {k: v if isinstance(v, str) else json.dumps(v) for k, v in entries.items()},
    )


def partial_progress(lessons, time: int = 1_700_000_000_000) -> dict:
    """Saved answers for a reader part-way through: lesson 1.1 finished (its last answer wrong),
    the first question of every other lesson with a quiz answered right."""
    entries = {}
    for lesson in lessons:
        if lesson.src_uri == LESSON + "index.md":
            for question in lesson.questions:
                choice = wrong(question) if question is lesson.questions[-1] else right(question)
                entries[answer_key(lesson.slug, question)] = {"choice": choice, "time": time}
        elif lesson.questions:
            entries[answer_key(lesson.slug, lesson.questions[0])] = {"choice": right(lesson.questions[0]), "time": time}
    return entries
