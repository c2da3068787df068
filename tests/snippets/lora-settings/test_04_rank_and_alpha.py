"""Claims about snippets/lora-settings/04_rank_and_alpha.py."""

import pytest

SNIPPET = "lora-settings/04_rank_and_alpha.py"
FIRST, SAME_ALPHA, SAME_RATIO = "2.1's settings", "r=16, alpha=4", "r=16, alpha=32"


def report(name, run, n):
    """What the page's report() prints for a run, rebuilt from the run."""
    pos, neg = run["replies"].count("LABEL: positive"), run["replies"].count("LABEL: negative")
    return (
        f"{name}\n  loss {run['losses'][0]:.2f} -> {run['losses'][-1]:.2f}\n"
        f"  held-out {run['score']}/{n}\n  replies: {pos} pos, {neg} neg, {n - pos - neg} other\n"
    )


@pytest.mark.quotes(
    "Two runs at rank 16, eight times lesson 2.1's: one with alpha at twice the rank, as lesson 2.1 had it, one with alpha back at 4.",
)
def test_prints_the_report_of_each_run(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert list(ns["runs"])[-2:] == [SAME_ALPHA, SAME_RATIO]
    n = len(ns["held_out"])
    assert run.stdout == report(SAME_ALPHA, ns["runs"][SAME_ALPHA], n) + report(SAME_RATIO, ns["runs"][SAME_RATIO], n)


@pytest.mark.quotes(
    "Rank 16 with alpha 4 trains eight times as many parameters as the first run, and changes "
    "nothing you can see: its final loss is within two hundredths of the first run's, and its score and "
    "its count of each label are the same.",
)
def test_rank_16_at_the_same_alpha_changes_nothing_you_can_see(runner):
    runs = runner.run(SNIPPET).namespace["runs"]
    assert abs(runs[SAME_ALPHA]["losses"][-1] - runs[FIRST]["losses"][-1]) < 0.02
    assert runs[SAME_ALPHA]["score"] == runs[FIRST]["score"]
    for label in ("LABEL: positive", "LABEL: negative"):
        assert runs[SAME_ALPHA]["replies"].count(label) == runs[FIRST]["replies"].count(label)
    # A (r × in) and B (out × r): the trainable count is proportional to r.
    assert 16 / 2 == 8


@pytest.mark.quotes(
    "Rank 16 with alpha 32, the ratio alpha / r lesson 2.1 had, learns far faster: in five steps its "
    "loss falls to 0.02 and it gets 11 of 12, like the run at ten times the learning rate.",
    "So on this task, alpha set how fast LoRA learned, and the rank did not.",
)
def test_rank_16_at_the_same_ratio_learns_like_a_higher_rate(runner):
    runs = runner.run(SNIPPET).namespace["runs"]
    assert 32 / 16 == 4 / 2, "the same alpha / r as lesson 2.1"
    fast, first, high_rate = runs[SAME_RATIO], runs[FIRST], runs["lr 1e-02"]
    assert fast["losses"][-1] < first["losses"][-1] / 10
    assert fast["score"] > first["score"]
    assert fast["losses"][-1] < 0.1 and high_rate["losses"][-1] < 0.1
    assert abs(fast["score"] - high_rate["score"]) <= 1
