"""Claims about snippets/batches-and-packing/03_packing.py."""

import pytest

SNIPPET = "batches-and-packing/03_packing.py"


@pytest.mark.quotes(
    "The sixteen examples fit in four rows, and a pass over the data now computes only the real "
    "tokens: 946 positions instead of 1268.",
)
def test_sixteen_examples_in_four_rows_real_tokens_only(runner):
    ns = runner.run(SNIPPET).namespace
    rows = ns["packed"].train_dataset
    assert len(rows) == 4 and sum(len(r["seq_lengths"]) for r in rows) == 16
    assert ns["packed_total"] == sum(ns["real"]) == sum(ns["lengths"]) == 946
    assert ns["padded_total"] == 1268
    assert all(len(r["input_ids"]) <= 256 for r in rows)


@pytest.mark.quotes(
    "The batch has no attention mask, since nothing is padding.",
    "What tells the examples apart is `position_ids`: the positions restart at 0 where each example begins.",
)
def test_no_attention_mask_and_positions_restart_at_each_example(runner):
    ns = runner.run(SNIPPET).namespace
    batch = ns["batch"]
    assert "attention_mask" not in batch
    sizes = ns["packed"].train_dataset[0]["seq_lengths"]
    starts = [sum(sizes[:i]) for i in range(len(sizes))]
    assert [i for i, p in enumerate(batch["position_ids"][0].tolist()) if p == 0] == starts
    assert batch["input_ids"].shape[1] == sum(sizes)


@pytest.mark.quotes(
    "A packed batch holds as many examples as fit, not a fixed number, so the number of examples per step varies "
    "(three to five on this page).",
)
def test_the_rows_hold_different_numbers_of_examples(runner):
    rows = runner.run(SNIPPET).namespace["packed"].train_dataset
    counts = {len(r["seq_lengths"]) for r in rows}
    assert len(counts) > 1 and (min(counts), max(counts)) == (3, 5)
