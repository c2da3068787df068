"""Claims about snippets/lora-settings/03_learning_rate.py."""

import pytest

SNIPPET = "lora-settings/03_learning_rate.py"
LOW, HIGH = "lr 1e-04", "lr 1e-02"


def report(name, run, n):
    """What the page's report() prints for a run, rebuilt from the run."""
    pos, neg = run["replies"].count("LABEL: positive"), run["replies"].count("LABEL: negative")
    return (
        f"{name}\n  loss {run['losses'][0]:.2f} -> {run['losses'][-1]:.2f}\n"
        f"  held-out {run['score']}/{n}\n  replies: {pos} pos, {neg} neg, {n - pos - neg} other\n"
    )


@pytest.mark.quotes(
    "Five steps at a tenth and at ten times lesson 2.1's rate of `1e-3`:",
)
def test_prints_the_report_of_each_run(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert list(ns["runs"])[1:3] == [LOW, HIGH]  # after the first run, before the next block's
    n = len(ns["held_out"])
    assert run.stdout == report(LOW, ns["runs"][LOW], n) + report(HIGH, ns["runs"][HIGH], n)


@pytest.mark.quotes(
    "At a tenth of the rate, five steps change nothing you can see: the loss ends no lower than it "
    "started, and not one reply is in the format.",
    "a tenth of a good rate learns nothing in a short run",
)
def test_a_tenth_of_the_rate_learns_nothing_in_five_steps(runner):
    low = runner.run(SNIPPET).namespace["runs"][LOW]
    assert low["losses"][-1] >= low["losses"][0]
    assert low["score"] == 0
    assert not {"LABEL: positive", "LABEL: negative"} & set(low["replies"])


@pytest.mark.quotes("At ten times the rate, five steps are plenty: every held-out reply is right.")
def test_ten_times_the_rate_gets_every_reply_right(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["runs"][HIGH]["score"] == len(ns["held_out"])


@pytest.mark.quotes(
    "the loss falls to 0.05 at step 3, then jumps to 0.53 at step 4 and falls again.",
    "Each step moves the weights so far that one batch's update can undo what the last one learned.",
)
def test_at_ten_times_the_rate_the_loss_jumps_back_up(runner):
    ns = runner.run(SNIPPET).namespace
    losses = ns["runs"][HIGH]["losses"]
    jump = max(range(1, len(losses)), key=lambda i: losses[i] / losses[i - 1])
    assert losses[jump] > 5 * losses[jump - 1], "one step undoes much of what the last ones learned"
    assert losses[-1] < losses[jump], "and it falls again"
    # At lesson 2.1's rate the loss never jumps like that.
    reference = ns["runs"]["2.1's settings"]["losses"]
    assert all(b < 2 * a for a, b in zip(reference, reference[1:]))
