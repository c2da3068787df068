"""Claims about snippets/inside-a-forward-pass/03_hidden_states.py."""

import pytest

SNIPPET = "inside-a-forward-pass/03_hidden_states.py"


@pytest.mark.quotes(
    "Ask the model for its hidden states and it returns the vector of every token before the first\nlayer and after each one:",
)
def test_prints_the_count_shapes_and_first(runner):
    run = runner.run(SNIPPET)
    hidden = run.namespace["hidden"]
    assert run.stdout == (
        f"hidden states: {len(hidden)}\n"
        f"shapes: { ({tuple(state.shape) for state in hidden}) }\n"
        "first = embeddings: True\n"
    )


@pytest.mark.quotes(
    "There are L + 1 = 31 of them, the embeddings first, and every one has the same shape,\n(1, 5, 576): one vector of h numbers per token.",
    "A decoder layer takes a vector for each token and\nreturns a new vector of the same size for each token.",
)
def test_l_plus_one_states_all_one_shape(runner):
    import torch

    ns = runner.run(SNIPPET).namespace
    hidden, L, h = ns["hidden"], ns["L"], ns["h"]
    assert len(hidden) == L + 1 == 31
    assert {tuple(state.shape) for state in hidden} == {(1, 5, h)} == {(1, 5, 576)}
    assert torch.equal(hidden[0], ns["embeddings"])
    assert len(ns["model"].model.layers) == L
    assert not torch.equal(hidden[1], hidden[0]), "a layer returns new vectors"
