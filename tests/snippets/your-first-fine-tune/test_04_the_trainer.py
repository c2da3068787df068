"""Claims about snippets/your-first-fine-tune/04_the_trainer.py."""

SNIPPET = "your-first-fine-tune/04_the_trainer.py"


def test_prints_the_first_examples_tokens_and_what_the_loss_sees(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    row = ns["trainer"].train_dataset[0]
    in_loss = [t for t in row["labels"] if t != -100]
    assert run.stdout == (
        f"Tokens in the first example: {len(row['input_ids'])}\n"
        f"Tokens the loss is computed on: {len(in_loss)}\n{ns['tokenizer'].decode(in_loss)!r}\n"
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


def test_no_example_is_cut_by_max_length(runner):
    """The page: max_length leaves room for the longest example (a shorter one drops examples)."""
    ns = runner.run(SNIPPET).namespace
    longest = max(len(row["input_ids"]) for row in ns["trainer"].train_dataset)
    assert longest < ns["args"].max_length


def test_the_cpu_settings_the_page_names(runner):
    args = runner.run(SNIPPET).namespace["args"]
    assert not args.bf16 and not args.activation_checkpointing
    assert (args.per_device_train_batch_size, args.max_steps, args.learning_rate) == (2, 10, 1e-3)


def test_less_than_one_pass_with_the_completion_only_loss_by_default(runner):
    ns = runner.run(SNIPPET).namespace
    args = ns["args"]
    assert args.max_steps * args.per_device_train_batch_size < len(ns["train"])
    assert args.completion_only_loss in (None, True), "the default: completion-only for prompt-completion data"
