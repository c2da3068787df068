"""Fixtures for the browser tests; they live in browsing.py, which the tests import helpers from."""

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

from browsing import browser, open_page, questions, sites  # noqa: E402, F401 - fixtures
