"""Claims about snippets/learning-curves/04_score_at_checkpoints.py."""

import re

import pytest

SNIPPET = "learning-curves/04_score_at_checkpoints.py"


def scores(run):
    return {int(s): int(n) for s, n in re.findall(r"step +(\d+): (\d+)/12 exact", run.stdout)}


@pytest.mark.quotes(
    "At step 2 the model gets 5 of 12; at steps 6 and 10, all 12.",
    "The score is full by step 6, where the held-out loss was 0.0941.",
)
def test_the_score_is_full_from_step_6(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    got = scores(run)
    n = len(ns["held_out"])
    assert sorted(got) == [2, 6, 10]
    assert got[2] < n
    assert all(score == n for step, score in got.items() if step >= 6)
    # Each score is that checkpoint's adapter, not the model as training left it.
    assert {f"step-{s}" for s in got} <= set(ns["model"].peft_config)


@pytest.mark.quotes(
    "Everything after that makes the model surer of replies it already got right: the loss falls more than "
    "sixtyfold and the score does not move.",
)
def test_the_loss_falls_sixtyfold_after_step_6(runner):
    ns = runner.run(SNIPPET).namespace
    held, steps = ns["held_loss"], ns["steps"]
    assert held[steps.index(6)] / min(held) > 60


@pytest.mark.quotes(
    "Ten steps were not too many: at step 10 the held-out loss was still falling, and nothing had turned up.",
    "And they were enough for the score: each checkpoint scored from step 6 on got all 12 right.",
)
def test_ten_steps_were_not_too_many(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    held, steps = ns["held_loss"], ns["steps"]
    i10 = steps.index(10)
    assert held[i10] < held[i10 - 1] and held[i10 + 1] < held[i10]
    assert scores(run)[10] == len(ns["held_out"])
