"""Claims about snippets/your-first-fine-tune/04_the_trainer.py."""

import pytest

SNIPPET = "your-first-fine-tune/04_the_trainer.py"


@pytest.mark.quotes("The last lines show what the loss is computed on.")
def test_prints_the_first_examples_tokens_and_what_the_loss_sees(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    row = ns["trainer"].train_dataset[0]
    in_loss = [t for t in row["labels"] if t != -100]
    seen = ns["args"].max_steps * ns["args"].per_device_train_batch_size
    assert run.stdout == (
        f"Examples trained on: {seen} of {len(ns['dataset'])}\n"
        f"Tokens in the first example: {len(row['input_ids'])}\n"
        f"Tokens the loss is computed on: {len(in_loss)}\n{ns['tokenizer'].decode(in_loss)!r}\n"
    )


@pytest.mark.quotes(
    "The trainer labels every token of the prompt with -100, the value the loss ignores ([Lesson 0.5](../loss-and-perplexity/index.md), Loss and perplexity, shows both), so of the whole example only the reply, its `<|im_end|>` and the newline the chat template puts after it count:"
)
def test_the_loss_is_on_the_reply_and_its_end_of_turn_only_in_every_example(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer, train = ns["tokenizer"], ns["train"]
    rows = ns["trainer"].train_dataset
    assert len(rows) == len(train), "no example was dropped"
    for row, (_, label) in zip(rows, train):
        in_loss = [t for t in row["labels"] if t != -100]
        assert tokenizer.decode(in_loss) == f"LABEL: {label}<|im_end|>\n"
        # The reply is the end of the sequence: the loss tokens are its last ones.
        assert row["input_ids"][-len(in_loss) :] == in_loss


@pytest.mark.quotes(
    "`max_length` leaves room for the longest example: the trainer cuts longer sequences, and one cut before its reply has nothing left to learn from and is dropped."
)
def test_no_example_is_cut_by_max_length(runner):
    """The page: max_length leaves room for the longest example (a shorter one drops examples)."""
    ns = runner.run(SNIPPET).namespace
    longest = max(len(row["input_ids"]) for row in ns["trainer"].train_dataset)
    assert longest < ns["args"].max_length


@pytest.mark.quotes(
    "The block removes both printers, `ProgressCallback` and `PrinterCallback`, so what the next block prints is only what it prints itself, whatever your logging settings."
)
def test_neither_printer_is_left_on_the_trainer(runner):
    """The page: the block removes both printers, so training prints only what the next block does."""
    from transformers import PrinterCallback, ProgressCallback

    callbacks = runner.run(SNIPPET).namespace["trainer"].callback_handler.callbacks
    assert not [c for c in callbacks if isinstance(c, (PrinterCallback, ProgressCallback))]


@pytest.mark.quotes(
    "Two of `SFTConfig`'s defaults are made for GPUs: bfloat16 arithmetic and activation checkpointing, which trades compute for memory.",
    "On a CPU both only slow training down, so the block turns them off.",
)
def test_the_cpu_settings_the_page_names(runner):
    args = runner.run(SNIPPET).namespace["args"]
    assert not args.bf16 and not args.activation_checkpointing
    assert (args.per_device_train_batch_size, args.max_steps, args.learning_rate) == (2, 10, 1e-3)


@pytest.mark.quotes(
    "ten steps of two examples each, so the run trains on 20 of the 40 examples, half a pass over the training data, as the block's first line shows.",
    "This completion-only loss is the default for prompt–completion data.",
)
def test_less_than_one_pass_with_the_completion_only_loss_by_default(runner):
    ns = runner.run(SNIPPET).namespace
    args = ns["args"]
    assert args.max_steps * args.per_device_train_batch_size * 2 == len(ns["train"]), "half a pass"
    assert args.completion_only_loss in (None, True), "the default: completion-only for prompt-completion data"
