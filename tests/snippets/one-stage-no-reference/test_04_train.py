"""Claims about snippets/one-stage-no-reference/04_train.py."""

import pytest

SNIPPET = "one-stage-no-reference/04_train.py"


@pytest.mark.quotes(
    "Each step is one pass through the model, where DPO's is two: there is no reference to score.",
    "The loss is almost all SFT, and it falls slowly.",
)
def test_one_pass_per_step_and_the_loss_is_mostly_sft(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert ns["passes"] == ns["args"].max_steps
    logged = ns["logged"]
    assert len(logged) == ns["args"].max_steps
    assert all(e["nll_loss"] > 0.9 * e["loss"] for e in logged)
    assert logged[-1]["loss"] < logged[0]["loss"]
    assert run.trained
