"""The course the tests run against (this checkout's), read once per test session.

conftest reads it when the session starts, and test modules that parametrise by lesson at
collection (test_notebook.py) read the same list from here. A course the validator refuses is a
usage error: pytest prints the validator's file:line and fix and runs nothing.
"""

from __future__ import annotations

import functools

import pytest

from coursetools.course import LessonError
from coursetools.lessons import load_course
from coursetools.repo import ROOT


@functools.cache
def lessons() -> list:
    try:
        return load_course(ROOT / "docs", ROOT / "snippets")
    except LessonError as error:
        raise pytest.UsageError(
            f"{error}\nNo test ran: every test reads the course. Fix the lines above (`make build` says the same)."
        ) from None
