"""The rest of the lesson page in a browser: copy buttons, key-term tooltips, glossary, search,
and that no page logs an error or fetches anything from outside 127.0.0.1."""

from __future__ import annotations

import re

import yaml
from browsing import LESSON, ROOT
from playwright.sync_api import expect

from coursetools.lessons import load_course

PAGES = {
    "home": "",
    "lesson": LESSON,
    "notebook": f"{LESSON}base-vs-instruct/",
    "glossary": "glossary/",
}


def load_terms() -> list[dict]:
    return yaml.safe_load((ROOT / "docs/lessons/base-vs-instruct/terms.yml").read_text())


def test_copy_button_copies_the_snippet_file(open_page, sites):
    page, watch = open_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(sites.url("main", LESSON))
    snippet = "base-vs-instruct/01_same_architecture.py"
    block = page.locator(".highlight", has=page.locator(".filename", has_text=f"snippets/{snippet}"))
    block.hover()
    block.locator("button.md-code__button[data-md-type='copy']").click()
    copied = page.evaluate("() => navigator.clipboard.readText()")
    expected = (ROOT / "snippets" / snippet).read_text()
    # Material copies the code element's text, which has no trailing newline.
    assert copied == expected.rstrip("\n")
    watch.assert_clean()


def test_key_terms_have_tooltips_and_the_glossary_links_back(open_page, sites):
    page, watch = open_page()
    page.goto(sites.url("main", LESSON))
    for term in load_terms():
        definition = " ".join(term["definition"].split()).replace("`", "")
        names = {term["term"], *term.get("aliases", [])}
        uses = page.locator("article abbr").filter(has_text=re.compile("^(" + "|".join(map(re.escape, names)) + ")$"))
        assert uses.count() > 0, f"no tooltip for {term['term']!r} in the lesson text"
        # Material's content.tooltips turns the title into its own tooltip; either carries the definition.
        first = uses.first
        title = first.get_attribute("title") or first.get_attribute("data-md-tooltip") or ""
        if title:
            assert title == definition
        first.scroll_into_view_if_needed()
        first.hover()
        tooltip = page.locator(".md-tooltip2, .md-tooltip").filter(has_text=definition[:40])
        expect(tooltip.first).to_be_visible()
        assert page.locator(f"dl.course-terms dt#{term['id']}").count() == 1

    page.goto(sites.url("main", "glossary/"))
    entries = page.locator(".course-glossary-entry")
    # Every term of the course, whatever lessons it has.
    expect(entries).to_have_count(sum(len(lesson.terms) for lesson in load_course(ROOT / "docs", ROOT / "snippets")))
    links = entries.locator("a[href*='lessons/base-vs-instruct/#']")
    hrefs = links.evaluate_all("links => links.map(a => a.href)")
    assert sorted(h.split("#")[1] for h in hrefs) == sorted(t["id"] for t in load_terms())
    links.first.click()
    target = hrefs[0].split("#")[1]
    page.wait_for_url(re.compile(rf".*/{LESSON}#{target}$"))
    expect(page.locator(f"dt#{target}")).to_be_in_viewport()
    watch.assert_clean()


def test_search_finds_the_lesson_by_a_key_term(open_page, sites):
    page, watch = open_page()
    page.goto(sites.url("main", ""))
    page.locator("body").wait_for()
    page.keyboard.press("/")  # Material's shortcut for the search box
    search = page.locator("input.md-search__input")
    expect(search).to_be_focused()
    page.keyboard.type("alignment tax", delay=30)
    results = page.locator(".md-search-result__item a")
    expect(results.first).to_be_visible()
    hrefs = results.evaluate_all("links => links.map(a => a.href)")
    assert any("/lessons/base-vs-instruct/" in h for h in hrefs), hrefs
    watch.assert_clean()


def test_a_reader_who_never_searches_never_downloads_the_search_index(open_page, sites):
    """The index grows with every lesson (issue 23: page weight that doesn't grow with the course)."""
    page, watch = open_page()
    page.goto(sites.url("main", LESSON))
    page.wait_for_load_state("networkidle")
    page.wait_for_timeout(500)
    index = [url for url in watch.requests if url.endswith("/search/search_index.json")]
    assert index == [], "a lesson page downloaded the search index before anyone searched"
    page.locator("input.md-search__input").click()  # the box in the header, as a reader clicks it
    page.keyboard.type("alignment tax", delay=30)
    expect(page.locator(".md-search-result__item a").first).to_be_visible()
    assert [url for url in watch.requests if url.endswith("/search/search_index.json")]
    watch.assert_clean()


def test_a_phone_sets_up_a_code_block_when_the_reader_reaches_it(open_page, sites):
    """Material mounts a block's copy button when it comes into view (`content.lazy`) and the
    browser lays a block out only near the screen (course.css, content-visibility), so loading
    a lesson on a phone no longer pays for every block on it (issue 23, Lighthouse mobile)."""
    page, watch = open_page(viewport={"width": 390, "height": 800})
    page.goto(sites.url("main", LESSON))
    page.wait_for_load_state("load")
    last = page.locator("article .highlight:not(.course-output) pre").last
    copy = last.locator("button[data-md-type='copy']")
    assert last.evaluate("(pre) => getComputedStyle(pre).contentVisibility") == "auto"
    assert copy.count() == 0, "a block far below the screen was set up at load"
    last.scroll_into_view_if_needed()
    expect(copy).to_have_count(1)
    watch.assert_clean()


def test_pages_log_no_errors_and_stay_on_localhost(open_page, sites):
    page, watch = open_page()
    for name, path in PAGES.items():
        response = page.goto(sites.url("main", path))
        assert response.ok, f"{name}: HTTP {response.status}"
        page.wait_for_load_state("networkidle")
        assert watch.page_errors == [] and watch.console_errors == [], name
    assert len(watch.requests) > len(PAGES)
    assert watch.foreign_requests() == []
    watch.assert_clean()


def test_the_notebook_page_copies_a_cell_and_shows_its_recorded_output(open_page, sites):
    page, watch = open_page(permissions=["clipboard-read", "clipboard-write"])
    page.goto(sites.url("main", f"{LESSON}base-vs-instruct/"))
    snippet = "base-vs-instruct/02_instruct_chat_template.py"
    source = (ROOT / "snippets" / snippet).read_text().rstrip("\n")
    cell = page.locator(".highlight-ipynb", has_text=source.splitlines()[0]).first
    cell.hover()
    cell.locator("button.md-code__button[data-md-type='copy']").click()
    assert page.evaluate("() => navigator.clipboard.readText()") == source
    recorded = (ROOT / "snippets/base-vs-instruct/outputs/02_instruct_chat_template.md").read_text()
    assert "<|im_start|>" in recorded and page.get_by_text("<|im_start|>system").count() > 0
    expect(page.get_by_text("Output above printed by").first).to_be_visible()
    watch.assert_clean()
