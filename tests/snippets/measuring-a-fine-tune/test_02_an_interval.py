"""Claims about snippets/measuring-a-fine-tune/02_an_interval.py."""

from math import sqrt

import pytest

SNIPPET = "measuring-a-fine-tune/02_an_interval.py"
SIZES = [12, 36, 100, 400, 1000]


@pytest.mark.quotes("The block computes the Wilson interval, a few lines of arithmetic.")
def test_prints_the_wilson_interval_of_the_score(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    wilson, hits, n = ns["wilson"], ns["hits"], len(ns["held_out"])
    # Wilson's interval is the set of rates p whose test (x - n p)^2 <= z^2 n p (1 - p) accepts
    # the observation: its ends solve the quadratic, which this checks independently.
    for x in range(n + 1):
        low, high = wilson(x, n)
        for end in (low, high):
            if 0 < end < 1:
                assert (x - n * end) ** 2 == pytest.approx(1.96**2 * n * end * (1 - end), abs=1e-9)
    low, high = wilson(hits, n)
    lines = [f"Exact match {hits}/{n} = {hits / n:.0%}", f"95% interval: {low:.0%} to {high:.0%}"]
    lines.append(f"The same {hits / n:.0%} on a bigger held-out set:")
    for size in SIZES:
        low, high = wilson(hits / n * size, size)
        lines.append(f"  {size:4d} examples: {low:.0%} to {high:.0%}")
    assert run.stdout == "\n".join(lines) + "\n"


@pytest.mark.quotes(
    "the textbook formula, the score plus or minus 1.96 standard errors, runs past 100% for a score like this one on few examples, and the Wilson interval never does."
)
def test_the_textbook_interval_runs_past_100_percent(runner):
    ns = runner.run(SNIPPET).namespace
    hits, n = ns["hits"], len(ns["held_out"])
    p = hits / n
    assert p + 1.96 * sqrt(p * (1 - p) / n) > 1
    assert all(0 <= end <= 1 for x in range(n + 1) for end in ns["wilson"](x, n))


@pytest.mark.quotes(
    "On 12 reviews the 95% interval is more than 30 points wide: the fine-tune could be a model that gets two reviews in three right, or one that almost never errs."
)
def test_the_interval_on_12_reviews_is_wide(runner):
    ns = runner.run(SNIPPET).namespace
    low, high = ns["wilson"](ns["hits"], 12)
    assert high - low > 0.30
    assert low < 0.70 and high > 0.95


@pytest.mark.quotes(
    "The interval narrows as the square root of the number of examples grows: four times the examples, about half the width.",
    "To know a rate near 90% within a few points either way takes hundreds of examples.",
)
def test_four_times_the_examples_halve_the_width(runner):
    ns = runner.run(SNIPPET).namespace
    wilson, p = ns["wilson"], ns["hits"] / len(ns["held_out"])

    def width(size):
        low, high = wilson(p * size, size)
        return high - low

    assert 0.85 < p < 0.95, "a rate near 90%"
    assert 0.4 < width(400) / width(100) < 0.6
    assert 0.4 < width(1000) / width(250) < 0.6
    assert width(100) / 2 > 0.05 and width(400) / 2 < 0.03, "a few points either way at 400, not at 100"


@pytest.mark.quotes(
    "The score above is a share of a dozen reviews: one review more or less moves it by 8 points, and another 12 reviews, written the same way, could as easily have given one more or one fewer."
)
def test_one_review_is_8_points(runner):
    ns = runner.run(SNIPPET).namespace
    n = len(ns["held_out"])
    assert n == 12 and round(100 / n) == 8
    low, high = ns["wilson"](ns["hits"], n)
    assert low < (ns["hits"] - 1) / n < high, "one fewer is well inside the interval"
