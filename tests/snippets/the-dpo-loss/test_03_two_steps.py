"""Claims about snippets/the-dpo-loss/03_two_steps.py."""

import math

import pytest

SNIPPET = "the-dpo-loss/03_two_steps.py"


def _logged(ns):
    return [e for e in ns["trainer"].state.log_history if "loss" in e]


@pytest.mark.quotes(
    "Step 1 logs ln 2, a margin of zero and an accuracy of 0.0.",
)
def test_step_1_is_a_tie(runner):
    run = runner.run(SNIPPET)
    first = _logged(run.namespace)[0]
    assert math.isclose(first["loss"], math.log(2), abs_tol=1e-6)
    assert first["rewards/margins"] == 0 and first["rewards/accuracies"] == 0
    assert run.trained


@pytest.mark.quotes(
    "Step 2 shows the first step's effect: a positive margin, every pair the right way round, and a loss below ln 2.",
)
def test_step_2_moved(runner):
    logged = _logged(runner.run(SNIPPET).namespace)
    assert [e["step"] for e in logged] == [1, 2]
    second = logged[1]
    assert second["rewards/margins"] > 0 and second["rewards/accuracies"] == 1.0
    assert second["loss"] < math.log(2)


@pytest.mark.quotes(
    "Now the trainer runs its two steps.",
    "At each step it logs the loss, the mean reward margin and the reward accuracy, the share of pairs whose chosen reply has the higher reward.",
)
def test_prints_each_logged_step(runner):
    run = runner.run(SNIPPET)
    assert len(run.stdout.splitlines()) == 2
