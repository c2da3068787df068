"""Lessons repeat data on purpose: each lesson runs alone in a fresh interpreter, so 2.4 or 3.2
carry a copy of 2.1's reviews rather than import them, and 4.4 a copy of 4.5's pairs. A copy
that drifts makes a page's "the same data as lesson 2.1" untrue. The rule, computed from the
snippets: two lessons that assign a list to the same name, starting with the same item, assign
the same list."""

from __future__ import annotations

import ast
from collections import defaultdict
from pathlib import Path

from coursetools.runner import SNIPPETS


def _lists(path: Path):
    """(name, value, line) of each top-level `name = [literal, ...]` of a snippet."""
    for node in ast.parse(path.read_text(encoding="utf-8")).body:
        if isinstance(node, ast.Assign) and len(node.targets) == 1 and isinstance(node.targets[0], ast.Name):
            try:
                value = ast.literal_eval(node.value)
            except ValueError:
                continue
            if isinstance(value, list) and value:
                yield node.targets[0].id, value, node.lineno


def copies() -> dict[tuple[str, str], list[tuple[str, list]]]:
    """(name, repr of the first item, length) -> [(where, the whole list)], across every lesson."""
    found = defaultdict(list)
    for path in sorted(SNIPPETS.glob("*/*.py")):
        for name, value, line in _lists(path):
            found[(name, repr(value[0]), len(value))].append((f"snippets/{path.parent.name}/{path.name}:{line}", value))
    return found


def drifts(found) -> list[str]:
    problems = []
    for (name, _, _), places in found.items():
        lessons = {where.split("/")[1] for where, _ in places}
        first_where, first = places[0]
        for where, value in places[1:]:
            if len(lessons) > 1 and value != first:
                problems.append(f"{where}: `{name}` starts as {first_where} does but differs: copy it again")
    return problems


def test_a_list_copied_from_another_lesson_is_still_the_same_list():
    problems = drifts(copies())
    assert not problems, "\n".join(problems)


def test_an_edited_copy_would_be_caught():
    # Not vacuous: some list is shared by lessons (2.1's reviews are), and editing one item of
    # one copy is reported at that copy's line.
    found = copies()
    key, places = next((k, p) for k, p in found.items() if len({w.split("/")[1] for w, _ in p}) > 1)
    where, value = places[-1]
    found[key] = [*places[:-1], (where, [*value[:-1], ("edited", "negative")])]
    assert drifts(found) == [f"{where}: `{key[0]}` starts as {places[0][0]} does but differs: copy it again"]
