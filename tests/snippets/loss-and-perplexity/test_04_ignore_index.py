"""Claims about snippets/loss-and-perplexity/04_ignore_index.py."""

import math

import pytest

SNIPPET = "loss-and-perplexity/04_ignore_index.py"


@pytest.mark.quotes(
    "The labels say which tokens count: a label of -100 is the ignore index, and the loss skips every position whose label is -100, averaging over the rest.",
)
def test_prints_counts_and_both_losses(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.stdout == (
        f"Tokens in the loss: {ns['kept'].sum().item()} of {len(ns['targets'])}\n"
        f"By hand:       {ns['per_token'][ns['kept']].mean().item():.6f}\n"
        f"Model's loss:  {ns['masked'].item():.6f}\n"
    )


@pytest.mark.quotes(
    "With the prompt's tokens set to -100, only ` Paris` and `.` are left, and the model's loss is the mean of exactly those two per-token losses from the block above."
)
def test_minus_100_leaves_out_the_prompt(runner):
    ns = runner.run(SNIPPET).namespace
    kept = [p for p, k in zip(ns["pieces"], ns["kept"].tolist()) if k]
    assert kept == [" Paris", "."]
    assert math.isclose(ns["masked"].item(), ns["per_token"][ns["kept"]].mean().item(), rel_tol=1e-5)


@pytest.mark.quotes("The input is unchanged: the model still reads the whole sentence")
def test_the_input_is_unchanged(runner):
    ns = runner.run(SNIPPET).namespace
    assert (ns["labels"] == -100).sum().item() == len(ns["prompt"])
    assert (ns["ids"] != -100).all()
