"""Claims about snippets/chat-data-and-loss-masking/02_what_the_loss_sees.py."""

import pytest

SNIPPET = "chat-data-and-loss-masking/02_what_the_loss_sees.py"


def _learned(trainer, i=0):
    batch = trainer.data_collator([trainer.train_dataset[i]])
    ids, labels = batch["input_ids"][0].tolist(), batch["labels"][0].tolist()
    return ids, [t for t, label in zip(ids, labels) if label != -100], labels


@pytest.mark.quotes(
    "With prompt–completion data, the trainer labels every prompt token -100 and keeps the "
    "completion: `LABEL: negative`, the end-of-turn token `<|im_end|>` and the newline after it, six "
    "tokens out of 54.",
)
def test_prompt_completion_learns_the_reply_its_end_and_newline(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tok = ns["tokenizer"]
    ids, learned, _ = _learned(ns["pc_trainer"])
    assert tok.decode(learned) == "LABEL: negative<|im_end|>\n"
    assert (len(learned), len(ids)) == (6, 54)
    assert ids[-len(learned) :] == learned, "the learned tokens are the end of the example"
    assert "Loss on 6 of 54 tokens:" in run.stdout


@pytest.mark.quotes(
    "This is **completion-only loss**, TRL's default for prompt–completion data, and the mask lesson 2.1 trained with.",
)
def test_completion_only_is_the_default_and_matches_lesson_2_1(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["pc_trainer"].args.completion_only_loss is None, "not set: the default"
    assert ns["pc_trainer"].completion_only_loss is True
    _, learned, _ = _learned(ns["pc_trainer"])
    first = runner.run("your-first-fine-tune/04_the_trainer.py").namespace
    row = first["trainer"].train_dataset[0]
    assert learned == [t for t in row["labels"] if t != -100]


@pytest.mark.quotes(
    "The labels are the token ids themselves, not shifted by one: the model does the shift when "
    "it computes the loss ([lesson 0.5](../loss-and-perplexity/index.md), Loss and perplexity, shows how).",
)
def test_the_labels_are_the_token_ids_unshifted(runner):
    ns = runner.run(SNIPPET).namespace
    ids, _, labels = _learned(ns["pc_trainer"])
    assert all(label in (-100, t) for t, label in zip(ids, labels))


@pytest.mark.quotes(
    "With messages data, the trainer can't tell prompt from reply, so by default the loss sees all 54 tokens.",
)
def test_messages_data_learns_every_token_by_default(runner):
    run = runner.run(SNIPPET)
    trainer = run.namespace["prepare"](run.namespace["msg_data"])
    for i in range(len(trainer.train_dataset)):
        ids, learned, _ = _learned(trainer, i)
        assert learned == ids
    assert "Loss on 54 of 54 tokens:" in run.stdout


@pytest.mark.quotes(
    "The next block asks the trainer to prepare each dataset, without training, and shows the first example as the trainer's data collator hands it over.",
    "Each token's label is either the token itself, which the loss learns to predict, or -100, which the loss ignores.",
)
def test_prints_the_loss_tokens_one_by_one(runner):
    run = runner.run(SNIPPET)
    tok = run.namespace["tokenizer"]
    _, learned, _ = _learned(run.namespace["pc_trainer"])
    listing = "".join(f"  {t:>5} {tok.decode([t])!r}\n" for t in learned)
    assert f"Its loss tokens, one by one:\n{listing}== messages\n" in run.stdout
