"""Claims about snippets/inside-a-forward-pass/02_embeddings.py."""

import pytest

SNIPPET = "inside-a-forward-pass/02_embeddings.py"


@pytest.mark.quotes(
    "The model keeps a table with one row of h numbers\nfor every token of the vocabulary, and looks up the row of each id:",
)
def test_prints_the_shapes_and_the_lookup(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.stdout == (
        f"ids:        {tuple(ns['ids'].shape)}\n"
        f"table:      {tuple(ns['table'].shape)}\n"
        f"embeddings: {tuple(ns['embeddings'].shape)}\n"
        "row lookup: True\n"
    )


@pytest.mark.quotes(
    "The table is V × h, and five ids become five embeddings of h = 576 numbers each: (1, 5) in,\n(1, 5, 576) out.",
    "The lookup is all there is to it: the embedding of the second token is exactly\nthe table's row for its id.",
    "So a token's embedding is the same in every text, whatever surrounds\nit.",
)
def test_the_table_is_v_by_h_and_an_embedding_is_its_row(runner):
    import torch

    ns = runner.run(SNIPPET).namespace
    V, h, ids, table, embeddings = ns["V"], ns["h"], ns["ids"], ns["table"], ns["embeddings"]
    assert tuple(table.shape) == (V, h) and h == 576
    assert tuple(ids.shape) == (1, 5) and tuple(embeddings.shape) == (1, 5, h)
    assert torch.equal(embeddings[0], table[ids[0]])
    other = ns["tokenizer"]("Who is the capital of", return_tensors="pt")["input_ids"]
    with torch.no_grad():
        again = ns["model"].get_input_embeddings()(other)
    position = other[0].tolist().index(ids[0, 1].item())
    assert torch.equal(again[0, position], embeddings[0, 1]), "same token, other text, same vector"
