"""Claims about snippets/inside-a-forward-pass/05_lm_head.py."""

import pytest

SNIPPET = "inside-a-forward-pass/05_lm_head.py"


@pytest.mark.quotes(
    "After the last layer and a final norm, one more matrix turns each hidden state into a score for\nevery token of the vocabulary: the LM head.",
)
def test_prints_the_head_the_logits_and_both_counts(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.stdout == (
        f"LM head: {tuple(ns['head'].weight.shape)}\n"
        "same tensor as the table: True\n"
        f"logits: {tuple(ns['logits'].shape)}\n"
        "same as the model's: True\n"
        f"parameters from the config: {ns['total']:,}\n"
        f"parameters in the tensors:  {ns['counted']:,}\n"
    )


@pytest.mark.quotes(
    "The LM head is V × h, the shape of the embedding table, and in SmolLM2 it is the very same\ntensor: the config's `tie_word_embeddings` says so, and the block checks it.",
)
def test_the_head_is_the_embedding_table(runner):
    ns = runner.run(SNIPPET).namespace
    assert tuple(ns["head"].weight.shape) == (ns["V"], ns["h"])
    assert ns["head"].weight is ns["table"]
    assert ns["config"].tie_word_embeddings is True


@pytest.mark.quotes(
    "In `transformers`,\nthe last hidden state has already been through the final norm, so the head alone turns it into\nexactly the logits the model returned: (1, 5, 576) in, (1, 5, 49152) out.",
)
def test_the_head_on_the_last_hidden_state_gives_the_logits(runner):
    import torch

    ns = runner.run(SNIPPET).namespace
    assert tuple(ns["hidden"][-1].shape) == (1, 5, 576)
    assert tuple(ns["logits"].shape) == (1, 5, 49152)
    assert torch.allclose(ns["logits"], ns["outputs"].logits)


@pytest.mark.quotes(
    "The count matches the tensors to the last parameter.",
    "Notice how much of it the table is: V × h is about a fifth of all the parameters.",
)
def test_the_whole_count_and_the_share_of_the_table(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["total"] == ns["counted"]
    share = ns["V"] * ns["h"] / ns["counted"]
    assert 0.18 < share < 0.22
