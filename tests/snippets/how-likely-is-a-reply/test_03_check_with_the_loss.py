"""Claims about snippets/how-likely-is-a-reply/03_check_with_the_loss.py."""

import math

import pytest

SNIPPET = "how-likely-is-a-reply/03_check_with_the_loss.py"


@pytest.mark.quotes(
    "Multiply it by their count and you get the sum back:",
    "The two agree.",
)
def test_the_loss_times_the_count_is_minus_the_sum(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert int((ns["labels"][0, 1:] != -100).sum()) == ns["n"] == len(ns["reply_ids"])
    assert math.isclose(-float(ns["loss"]) * ns["n"], float(ns["total"]), rel_tol=1e-5)
    lines = run.stdout.splitlines()
    assert lines[1].split(": ")[1] == lines[2].split(": ")[1]
