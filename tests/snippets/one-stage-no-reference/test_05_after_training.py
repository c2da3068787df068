"""Claims about snippets/one-stage-no-reference/05_after_training.py."""

import pytest

SNIPPET = "one-stage-no-reference/05_after_training.py"


@pytest.mark.quotes(
    "On this\ntask and this budget, ORPO does worse",
)
def test_orpo_moved_the_format_less_than_dpo(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    n = len(ns["held_out"])
    assert run.stdout.endswith(f"In the format: {ns['after_format']}/{n}\nRight: {sum(ns['right'])}/{n}\n")
    assert ns["after_format"] <= n // 4, "far from lesson 4.5's DPO"
