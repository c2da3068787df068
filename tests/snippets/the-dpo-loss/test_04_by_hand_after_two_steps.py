"""Claims about snippets/the-dpo-loss/04_by_hand_after_two_steps.py."""

import math

import pytest

SNIPPET = "the-dpo-loss/04_by_hand_after_two_steps.py"


@pytest.mark.quotes(
    "Both margins are positive and the loss has fallen below ln 2.",
    "The hand-written loss and the trainer's agree to the printed digits: everything DPO optimises is in the few lines of `dpo_loss`.",
)
def test_the_hand_loss_equals_the_trainers_after_training(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert (ns["margins"] > 0).all()
    assert float(ns["loss"]) < math.log(2) - 0.01
    assert math.isclose(float(ns["loss"]), float(ns["trainer_loss"]), abs_tol=5e-7)
    lines = run.stdout.splitlines()
    assert lines[1].split(":")[1].strip() == lines[2].split(":")[1].strip()
