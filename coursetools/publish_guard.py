"""MkDocs hook: a strict build that warns publishes nothing.

A hook rather than part of the course plugin: MkDocs runs hooks after every plugin, so this
on_post_build empties site/ after search and the course plugin have written to it (mkdocs.yml).

MkDocs writes every page first and only then aborts a strict build that logged warnings (a
broken link, say), leaving a complete-looking site behind. This hook counts the warnings and,
in `on_post_build` (which runs just before that abort), empties the output folder, so a failed
`mkdocs build --strict` leaves no site to publish by mistake. `mkdocs serve` keeps its pages, so
an author can still look at them while fixing the warning the terminal shows.

Problems in lesson content stop the build earlier, in the course plugin's on_config (coursetools/plugin.py), before
anything is written.

The warnings are counted on the logger of the engine that runs the build, the one it counts
itself: `mkdocs`, or `properdocs` under ProperDocs (which answers `import mkdocs.*` with its own
modules and logs under its own name, so a handler on `mkdocs` would miss its warnings).
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
_logger: logging.Logger | None = None


def _engine_logger(config) -> logging.Logger:
    # The config object belongs to the engine: mkdocs.config.defaults or properdocs.config.defaults.
    return logging.getLogger(type(config).__module__.partition(".")[0])


def _stop_counting() -> None:
    if _logger is not None:
        _logger.removeHandler(_counter)


def on_startup(command, dirty):
    global _command
    _command = command


def on_config(config):
    global _logger
    _stop_counting()
    _counter.count = 0
    _logger = _engine_logger(config)
    _logger.addHandler(_counter)
    return config


def on_post_build(config):
    _stop_counting()
    if config.strict and _counter.count and _command != "serve":
        site = Path(config.site_dir)
        for child in site.iterdir() if site.is_dir() else []:
            if child.is_dir() and not child.is_symlink():
                shutil.rmtree(child)
            else:
                child.unlink()
        _engine_logger(config).getChild("hooks.publish_guard").error(
            f"{_counter.count} warning(s) in strict mode: removed the half-built site from {site}"
        )


def on_build_error(error):
    _stop_counting()
