"""Claims about snippets/batches-and-packing/02_truncation.py."""

import pytest

SNIPPET = "batches-and-packing/02_truncation.py"


@pytest.mark.quotes(
    "`SFTTrainer` keeps the start and cuts the end, which is where the reply is.",
    "Here is the same data with a `max_length` just below most of the short examples:",
)
def test_keep_start_and_52_is_below_most_short_examples(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["trainer"].args.truncation_mode == "keep_start"
    short = [n for i, n in enumerate(ns["lengths"]) if i % 4 != 3]
    assert sum(n > 52 for n in short) > len(short) / 2


@pytest.mark.quotes(
    "Three things happened, and none of them stopped the trainer.",
    "The examples that fit kept their whole reply.",
    "Others lost their end: a reply cut before `<|im_end|>` trains the model to say "
    "`LABEL: negative` and never to stop.",
    "And the four long reviews are gone: their prompt alone fills the 52 tokens, so nothing of "
    "the reply is left for the loss, and the trainer drops them.",
    "Your dataset shrank by a quarter, and the examples it lost are exactly the long ones.",
)
def test_max_length_52_keeps_some_cuts_some_and_drops_the_long_ones(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tok, lengths = ns["tokenizer"], ns["lengths"]
    kept = ns["prepare"](max_length=52).train_dataset
    assert len(kept) == 12 == len(ns["dataset"]) * 3 // 4
    for i, example in enumerate(ns["dataset"]):
        prompt = tok.apply_chat_template(example["prompt"], add_generation_prompt=True, return_dict=True)["input_ids"]
        assert (len(prompt) >= 52) == (i % 4 == 3), "exactly the long reviews' prompts fill 52 tokens"
    seen = ns["replies"](ns["prepare"](max_length=52))
    assert sum(r.endswith("<|im_end|>\n") for r in seen) == sum(n <= 52 for n in lengths)
    assert "LABEL: negative" in seen
    assert "max_length=52: kept 12 of 16\n" in run.stdout


@pytest.mark.quotes(
    "Prepare the data once with the default `max_length`, take the longest example, and set "
    "`max_length` at least that long: every example is kept, every reply whole.",
)
def test_max_length_at_the_longest_keeps_every_reply_whole(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert ns["longest"] == max(ns["lengths"])
    seen = ns["replies"](ns["prepare"](max_length=ns["longest"]))
    assert len(seen) == len(ns["dataset"]) and all(r.endswith("<|im_end|>\n") for r in seen)
    assert run.stdout.endswith(f"max_length={ns['longest']}: kept 16 of 16\n  whole replies: 16\n")


@pytest.mark.quotes("The check at the end of lesson 2.2 catches both failures too.")
def test_lesson_2_2s_check_flags_the_cut_replies_and_the_dropped_examples(runner):
    import contextlib
    import io

    ns = runner.run(SNIPPET).namespace
    check = runner.run("chat-data-and-loss-masking/06_check_your_data.py").namespace["check"]
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        check(ns["prepare"](max_length=52), ns["dataset"])
    assert "Kept 12 of 16 examples" in out.getvalue()
    assert "a reply without its end:" in out.getvalue()
