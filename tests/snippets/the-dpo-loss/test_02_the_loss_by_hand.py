"""Claims about snippets/the-dpo-loss/02_the_loss_by_hand.py."""

import math

import pytest

SNIPPET = "the-dpo-loss/02_the_loss_by_hand.py"


@pytest.mark.quotes(
    "The batch holds four rows: the two chosen replies, then the two rejected ones, each after its prompt and padded to the longest row.",
)
def test_the_batch_is_chosen_rows_then_rejected_rows(runner):
    ns = runner.run(SNIPPET).namespace
    batch, tokenizer = ns["batch"], ns["tokenizer"]
    assert batch["input_ids"].shape[0] == 2 * ns["args"].per_device_train_batch_size == 4
    texts = [tokenizer.decode(row[mask.bool()]) for row, mask in zip(batch["input_ids"], batch["completion_mask"])]
    chosen = {c for _, c, _ in ns["rows"]}
    rejected = {r for _, _, r in ns["rows"]}
    assert all(t.startswith(tuple(chosen)) for t in texts[:2])
    assert all(t.startswith(tuple(rejected)) for t in texts[2:])
    assert batch["input_ids"].shape[1] == int(batch["attention_mask"].sum(dim=1).max())


@pytest.mark.quotes(
    "Every margin is exactly zero, and the loss is exactly ln 2.",
    "The trainer's loss for the batch is the same number.",
)
def test_before_the_first_step_the_loss_is_ln_2(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["margins"].tolist() == [0.0, 0.0]
    assert math.isclose(float(ns["loss"]), math.log(2), abs_tol=1e-6)
    assert math.isclose(float(ns["trainer_loss"]), float(ns["loss"]), abs_tol=1e-6)
