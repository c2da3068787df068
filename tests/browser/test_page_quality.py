"""What Lighthouse and pa11y judge a page by, checked on every page a reader opens, offline:
home, every lesson and its notebook, the glossary and Your progress (the course's own pages,
from the course data). Layout shift (CLS, measured with a PerformanceObserver while the page
loads, with course.json slowed down), heading order, one copy button per code block, no empty
or `name` anchors, real alt text, no inline stylesheet in the content.
"""

from __future__ import annotations

import time

import pytest
from browsing import partial_progress, seed
from playwright.sync_api import TimeoutError as PlaywrightTimeout

from coursetools import notebook

WIDTHS = {"desktop": 1280, "phone": 390}
GOOD_CLS = 0.1  # "good" for Lighthouse and Core Web Vitals
NO_DESCRIPTION = "No description has been provided for this image"

# Every layout shift since the document started, kept on the window (hadRecentInput: caused by
# the reader, which CLS leaves out).
CLS_OBSERVER = """
window.__layoutShift = 0;
window.__layoutShifts = [];
new PerformanceObserver((list) => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__layoutShift += entry.value;
    window.__layoutShifts.push({
      value: entry.value,
      nodes: (entry.sources || []).map((s) => s.node && s.node.nodeType === 1
        ? s.node.tagName.toLowerCase() + (s.node.className ? "." + String(s.node.className).split(" ").join(".") : "")
        : String(s.node && s.node.nodeName)),
    });
  }
}).observe({ type: "layout-shift", buffered: true });
"""

# Material mounts a code block (its copy button) when the block comes into view (the
# `content.lazy` feature, which spares a phone the work for every block at load), so the
# faults are read after every block has been scrolled to, as a reader scrolls the page.
SHOW_EVERY_BLOCK = """
async () => {
  const frame = () => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)));
  for (const pre of document.querySelectorAll("article.md-content__inner pre")) {
    pre.scrollIntoView();
    await frame();
  }
  window.scrollTo(0, 0);
}
"""

# Every code block scrolled to has been set up: Material's intersection callback arrives as a
# task, which a busy machine may run after the frames awaited above.
EVERY_BLOCK_SET_UP = """
() => [...document.querySelectorAll("article.md-content__inner pre > code")]
  .filter((code) => !(code.closest(".highlight") || code.parentElement).classList.contains("course-output"))
  .every((code) => code.parentElement.querySelector("button[data-md-type='copy']"))
"""

PAGE_FAULTS = """
() => {
  const article = document.querySelector("article.md-content__inner");
  const faults = [];
  if (!article) return ["no article"];
  const levels = [...article.querySelectorAll("h1, h2, h3, h4, h5, h6")].map((h) => [Number(h.tagName[1]), h.id || h.textContent.trim().slice(0, 40)]);
  if (!levels.length || levels[0][0] !== 1) faults.push("the content does not start with an h1");
  if (levels.filter(([level]) => level === 1).length !== 1) faults.push("not exactly one h1");
  for (let i = 1; i < levels.length; i++) {
    if (levels[i][0] > levels[i - 1][0] + 1) {
      faults.push(`heading order: h${levels[i][0]} #${levels[i][1]} follows h${levels[i - 1][0]} #${levels[i - 1][1]}`);
    }
  }
  for (const code of article.querySelectorAll("pre > code")) {
    const block = code.closest(".highlight") || code.parentElement;
    const buttons = block.querySelectorAll("button[data-md-type='copy'], clipboard-copy").length;
    const output = block.classList.contains("course-output");
    if (!output && buttons !== 1) faults.push(`${buttons} copy buttons on the code block ${code.parentElement.id || ""}`);
  }
  if (document.querySelector("clipboard-copy")) faults.push("a second kind of copy button (clipboard-copy)");
  for (const a of article.querySelectorAll("a")) {
    const named = a.textContent.trim() || a.getAttribute("aria-label") || a.getAttribute("title") || a.querySelector("img[alt]:not([alt=''])");
    if (!named) faults.push(`an empty link: ${a.outerHTML.slice(0, 80)}`);
    if (a.hasAttribute("name")) faults.push(`a link with the obsolete name attribute: ${a.outerHTML.slice(0, 80)}`);
  }
  for (const img of article.querySelectorAll("img")) {
    const alt = (img.getAttribute("alt") || "").trim();
    if (!alt || alt === "%s") faults.push(`an image without a description: ${img.src.slice(0, 60)}`);
  }
  if (article.querySelector("style, link[rel=stylesheet]")) faults.push("a stylesheet inside the content");
  return faults;
}
""".replace("%s", NO_DESCRIPTION)


def reader_pages(sites, in_scope) -> list[tuple[str, str]]:
    """(name, path) of every page a reader opens, from the course data (the lessons in scope)."""
    pages = [("home", "")]
    for lesson in filter(in_scope, sites.lessons("main")):
        folder = lesson.src_uri.rsplit("/", 1)[0]
        pages.append((f"lesson {lesson.number}", f"{folder}/"))
        pages.append((f"lesson {lesson.number} notebook", f"{folder}/{notebook.notebook_path(lesson).stem}/"))
    return pages + [("glossary", "glossary/"), ("progress", "progress/")]


def slow(route) -> None:
    time.sleep(0.5)  # the manifest arrives late, as on a slow phone: nothing may move then
    route.continue_()


@pytest.mark.parametrize("device", WIDTHS)
def test_every_page_loads_without_layout_shift_and_reads_well(open_page, sites, device, in_scope):
    page, watch = open_page(viewport={"width": WIDTHS[device], "height": 800})
    page.goto(sites.url("main"))
    lessons = sites.lessons("main")
    seed(page, partial_progress(lessons))  # Your progress with something to show
    page.route("**/javascripts/course.json", slow)
    page.add_init_script(CLS_OBSERVER)
    problems = []
    for name, path in reader_pages(sites, in_scope):
        page.goto(sites.url("main", path))
        page.wait_for_load_state("load")
        # The states the scripts reach: every script that lays something out has run.
        page.locator(".md-nav--primary .course-nav-done").first.wait_for(state="attached")
        if path == "progress/":
            page.locator(".course-progress table").first.wait_for()
        if path == "":
            page.locator(".course-lesson-status:not([hidden])").first.wait_for()
        page.evaluate("() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done)))")
        shift = page.evaluate("() => window.__layoutShift")
        if shift > GOOD_CLS:
            shifts = page.evaluate("() => window.__layoutShifts")
            problems.append(f"{name} ({device}): layout shift {shift:.3f} > {GOOD_CLS}: {shifts[:5]}")
        if device == "desktop":
            page.evaluate(SHOW_EVERY_BLOCK)
            try:
                page.wait_for_function(EVERY_BLOCK_SET_UP, timeout=10_000)
            except PlaywrightTimeout:
                pass  # PAGE_FAULTS names each block without its copy button
            problems += [f"{name}: {fault}" for fault in page.evaluate(PAGE_FAULTS)]
    assert not problems, "\n".join(problems)
    watch.assert_clean()
