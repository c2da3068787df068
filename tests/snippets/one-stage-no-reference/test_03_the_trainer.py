"""Claims about snippets/one-stage-no-reference/03_the_trainer.py."""

import pytest

SNIPPET = "one-stage-no-reference/03_the_trainer.py"


@pytest.mark.quotes(
    "of the 46 tokens it counts for the first pair, 8 are the reply.",
)
def test_prints_what_the_trainer_trains_on(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    row, tokenizer = ns["trainer"].train_dataset[0], ns["tokenizer"]
    in_loss = [t for t in row["chosen_labels"] if t != -100]
    assert run.stdout == (
        "Reference model: None\n"
        f"Chosen reply, as trained: {tokenizer.decode(in_loss)!r}\n"
        f"Tokens in the SFT part: {len(row['chosen_input_ids'])}\n  of which the reply: {len(in_loss)}\n"
    )


@pytest.mark.quotes(
    "The trainer puts its own\nend-of-turn token after each reply",
)
def test_no_reference_and_one_end_of_turn(runner):
    ns = runner.run(SNIPPET).namespace
    trainer, tokenizer = ns["trainer"], ns["tokenizer"]
    assert getattr(trainer, "ref_model", None) is None
    for row in trainer.train_dataset:
        reply = tokenizer.decode([t for t in row["chosen_labels"] if t != -100])
        assert reply.endswith(".<|im_end|>") and reply.count("<|im_end|>") == 1
        assert len(row["chosen_input_ids"]) > 3 * len([t for t in row["chosen_labels"] if t != -100])
