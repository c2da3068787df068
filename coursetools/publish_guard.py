"""MkDocs hook: a strict build that warns publishes nothing.

MkDocs writes every page first and only then aborts a strict build that logged warnings (a
broken link, say), leaving a complete-looking site behind. This hook counts the warnings and,
in `on_post_build` (which runs just before that abort), empties the output folder, so a failed
`mkdocs build --strict` leaves no site to publish by mistake. `mkdocs serve` keeps its pages, so
an author can still look at them while fixing the warning the terminal shows.

Problems in lesson content stop the build earlier, in coursetools.hooks' on_config, before
anything is written.
"""

from __future__ import annotations

import logging
import shutil
from pathlib import Path


class _Counter(logging.Handler):
    def __init__(self):
        super().__init__(level=logging.WARNING)
        self.count = 0

    def emit(self, record):
        self.count += 1


_counter = _Counter()
_command: str | None = None


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    _counter.count = 0
    logger = logging.getLogger("mkdocs")
    if _counter not in logger.handlers:
        logger.addHandler(_counter)
    return config


def on_post_build(config):
    logging.getLogger("mkdocs").removeHandler(_counter)
    if config.strict and _counter.count and _command != "serve":
        site = Path(config.site_dir)
        for child in site.iterdir() if site.is_dir() else []:
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        logging.getLogger("mkdocs.hooks.publish_guard").error(
            f"{_counter.count} warning(s) in strict mode: removed the half-built site from {site}"
        )


def on_build_error(error):
    logging.getLogger("mkdocs").removeHandler(_counter)
