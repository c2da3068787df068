"""When a test session can let go of a lesson's snippet runs, and the test order that makes it early.

Its own module because the session's memory depends on it: the runner (coursetools.runner) keeps
every run a claim test asks for, with its namespace (models, trainers, tensors), and a session
that kept every lesson's runs to the end would grow with the course (about 11 GB for 21 lessons).
So tests/conftest.py runs each lesson's model work together, the lessons in course order, and
after the last test that needs a lesson's runs, it lets them go (SnippetRunner.let_go).

Which runs a test needs: its own lesson's (coursetools.shards.lesson_of), and those of any other
lesson whose snippet its file names as `"<slug>/<nn>_<name>.py"` (a claim test that compares with
lesson 2.1's data, say). A snippet asked for after its lesson was let go raises instead of
running again: a test that needs another lesson's run without naming it fails, never doubles the cost.
"""

from __future__ import annotations

import re

# A snippet named in a test file, as the runner is given it: "your-first-fine-tune/02_training_data.py".
NAMED = re.compile(r"""["']([a-z0-9][a-z0-9-]*)/\d+_\w+\.py["']""")


def named_lessons(text: str, slugs) -> set[str]:
    """The lessons whose snippets a test file names: runs its tests may ask for."""
    return {found.group(1) for found in NAMED.finditer(text)} & set(slugs)


def grouped(lessons: list[str | None], order: list[str]) -> list[int]:
    """The order to run test items in, as their indices: each lesson's items together (in their
    collected order), the lessons in course order (`order`, their slugs), all of them where the
    first one was; the platform's items (lesson None) keep their order around them."""
    rank = {slug: index for index, slug in enumerate(order)}
    work = [index for index, lesson in enumerate(lessons) if lesson is not None]
    if not work:
        return list(range(len(lessons)))
    platform = [index for index, lesson in enumerate(lessons) if lesson is None]
    by_lesson = sorted(work, key=lambda index: (rank.get(lessons[index], len(rank)), lessons[index], index))
    return [i for i in platform if i < work[0]] + by_lesson + [i for i in platform if i > work[0]]


def let_go_after(needs: list[set[str]]) -> dict[int, set[str]]:
    """Item index -> the lessons whose runs no item after it needs (`needs`: each item's lessons)."""
    last: dict[str, int] = {}
    for index, lessons in enumerate(needs):
        for slug in lessons:
            last[slug] = index
    plan: dict[int, set[str]] = {}
    for slug, index in last.items():
        plan.setdefault(index, set()).add(slug)
    return plan
