"""Claims about snippets/loss-and-perplexity/01_the_model_s_loss.py."""

import pytest

SNIPPET = "loss-and-perplexity/01_the_model_s_loss.py"


@pytest.mark.quotes(
    "Pass `labels=` to a causal language model and it returns a loss next to its logits.",
    "The loss is a single number.",
)
def test_prints_tokens_logits_and_loss(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.stdout == (
        f"Tokens:        {ns['ids'].shape[1]}\n"
        f"Logits shape:  {tuple(ns['output'].logits.shape)}\n"
        f"Model's loss:  {ns['output'].loss.item():.6f}\n"
    )


@pytest.mark.quotes(
    "The logits have one row per token of the input: at every position, a score for each of the 49,152 tokens of the vocabulary."
)
def test_one_row_of_vocabulary_scores_per_token(runner):
    ns = runner.run(SNIPPET).namespace
    assert tuple(ns["output"].logits.shape) == (1, ns["ids"].shape[1], ns["model"].config.vocab_size)
    assert ns["model"].config.vocab_size == 49152
