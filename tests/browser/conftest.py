"""Fixtures for the browser tests; they live in browsing.py, which the tests import helpers from."""

from browsing import browser, open_page, questions, sites  # noqa: F401 - fixtures
