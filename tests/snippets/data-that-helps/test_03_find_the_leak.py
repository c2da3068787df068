"""Claims about snippets/data-that-helps/03_find_the_leak.py."""

import pytest

SNIPPET = "data-that-helps/03_find_the_leak.py"


@pytest.mark.quotes(
    "So look for leaks in the data, not in the scores: compare every training review with every held-out review, with the same two functions as for duplicates.",
)
def test_prints_the_matches_of_each_set(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    lines = []
    for name in ("clean", "leaked", "collected"):
        items = ns[name if name != "collected" else "data"]
        lines.append(f"{name}: {len(ns['leaks'](items, ns['tests']))} of {len(items)} match a held-out review")
    for text, test in ns["leaks"](ns["data"], ns["tests"]):
        lines += [f"  {text}", f"  ~ {test} ({ns['jaccard'](text, test):.2f})"]
    assert run.stdout == "\n".join(lines) + "\n"


@pytest.mark.quotes(
    "The check finds nothing in the clean data and all six tricky reviews in the leaked data.",
    "It also finds one in the reviews collected in the first block: `The hotel lost our booking and still charged us.` is lesson 2.1's first held-out review with two words changed.",
    "The duplicate check above missed it, because it compared the training data with itself, not with the held-out set.",
)
def test_finds_the_six_leaked_and_the_edited_copy(runner):
    ns = runner.run(SNIPPET).namespace
    leaks, tests = ns["leaks"], ns["tests"]
    assert leaks(ns["clean"], tests) == []
    assert sorted(test for _, test in leaks(ns["leaked"], tests)) == sorted(t for t, _ in ns["tricky"])
    [(text, test)] = leaks(ns["data"], tests)
    assert text == "The hotel lost our booking and still charged us."
    assert test == ns["held_out"][0][0]
    a, b = set(ns["normalise"](text).split()), set(ns["normalise"](test).split())
    assert len(a - b) == 1 and len(b - a) == 1, "one word added, one dropped"
    flagged = ns["duplicates"](ns["data"])
    assert all(text not in (e, t) for _, e, t, _ in flagged), "the duplicate check did not flag it"
