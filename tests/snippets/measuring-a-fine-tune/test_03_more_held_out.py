"""Claims about snippets/measuring-a-fine-tune/03_more_held_out.py."""

import pytest

SNIPPET = "measuring-a-fine-tune/03_more_held_out.py"


@pytest.mark.quotes(
    "The block adds 24 reviews written for this lesson, the same kind as 2.1's but with a few harder ones (a negation, a twist at the end), checks that none of them is in the training data, and scores the fine-tune on all 36:"
)
def test_prints_the_new_set_and_the_score_on_it(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    test, more, train = ns["test"], ns["more"], ns["train"]
    assert len(more) == 24 and len(test) == 36 and test == ns["held_out"] + more
    assert not {r for r, _ in test} & {r for r, _ in train}
    assert len({r for r, _ in test}) == 36, "no review twice"
    positive = sum(label == "positive" for _, label in test)
    hits = sum(reply == f"LABEL: {label}" for reply, (_, label) in zip(ns["tuned"], test))
    assert len(ns["tuned"]) == 36 and ns["hits"] == hits
    low, high = ns["wilson"](hits, 36)
    assert run.stdout == (
        f"Held-out reviews now: 36\n  positive {positive}, negative {36 - positive}\n"
        f"  also in training: 0\nFine-tuned, exact match: {hits}/36\n"
        f"95% interval: {low:.0%} to {high:.0%}\n"
    )


@pytest.mark.quotes("The interval is narrower than on 12 reviews, and still wide: 36 examples are a small test too.")
def test_the_interval_narrows_but_stays_wide(runner):
    ns = runner.run(SNIPPET).namespace
    wilson = ns["wilson"]
    low12, high12 = wilson(sum(r == f"LABEL: {lab}" for r, (_, lab) in zip(ns["tuned"][:12], ns["held_out"])), 12)
    low, high = wilson(ns["hits"], 36)
    assert high - low < high12 - low12
    assert high - low > 0.15
