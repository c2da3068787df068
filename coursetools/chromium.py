"""The headless Chromium that the browser tests and the benchmark drive, launched one way."""

from __future__ import annotations

import shutil

# Without the background-networking flags Chromium keeps dialling Google's hosts, which this
# machine's closed network refuses; --no-sandbox because CI runs as root.
ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def executable() -> str | None:
    """Debian's Chromium on PATH, or None to let Playwright use its own download."""
    return shutil.which("chromium") or shutil.which("chromium-browser")


def launch(playwright):
    return playwright.chromium.launch(executable_path=executable(), headless=True, args=ARGS)
