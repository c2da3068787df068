"""What every part of `make bench` shares: the course it measures, and how a child process runs."""

from __future__ import annotations

import os
import re
import sys

from coursetools import outputs
from coursetools.lessons import load_course
from coursetools.repo import ROOT

PY = sys.executable
# Which lessons to measure comes from the course itself, not from names typed here.
COURSE = load_course(ROOT / "docs", ROOT / "snippets")
LESSON = COURSE[0].slug  # the first lesson: its page in Chromium, the source of synthetic copies
LESSON_URL = f"lessons/{LESSON}/"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
# What GitHub Pages (Fastly) serves gzip-compressed; everything else goes over the wire as is.
COMPRESSIBLE = re.compile(r"text/|javascript|json|xml|svg|wasm", re.I)

# The generate calls the snippets make (snippets/base-vs-instruct/05, 06, 07), in that order.
QUESTION = "What is the capital of France?"
# The first lesson whose recordings are training runs (they name the CPU family they depend
# on), timed on its own (goal: suite / model work ≤ 1.5).
TRAINING_LESSON = next(
    lesson.slug
    for lesson in COURSE
    if any(outputs.read(path).determinism for path in (ROOT / "snippets" / lesson.slug / "outputs").glob("*.md"))
)


REPORT = ROOT / ".cache" / "test-report.xml"  # what `make test` writes (pytest --junitxml)


def _check(value, limit) -> str:
    return "ok" if value is not None and value <= limit else "MISS"
