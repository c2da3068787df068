"""Claims about snippets/chat-data-and-loss-masking/06_check_your_data.py."""

import contextlib
import io
import types

import pytest

SNIPPET = "chat-data-and-loss-masking/06_check_your_data.py"


@pytest.mark.quotes(
    "The messages data with the default loss is flagged in every example: its loss covers the prompts.",
    "With assistant-only loss and the fixed template, every example passes.",
)
def test_the_check_flags_the_default_messages_loss_and_passes_the_fix(runner):
    run = runner.run(SNIPPET)
    n = len(run.namespace["msg_data"])
    assert (
        f"== messages\nKept {n} of {n} examples\n  loss outside the replies: {n}\n"
        f"== messages, assistant_only_loss=True\nKept {n} of {n} examples\n"
        "  the loss sees whole replies, nothing else\n"
    ) in run.stdout


@pytest.mark.quotes(
    "The last case is another silent failure: with `max_length=40`, every example is cut before "
    "its reply, and the trainer drops all four, leaving nothing to train on.",
)
def test_max_length_40_cuts_every_example_before_its_reply_and_drops_it(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tok = ns["tokenizer"]
    for pc in ns["pc_data"]:
        prompt = tok.apply_chat_template(pc["prompt"], add_generation_prompt=True, return_dict=True)["input_ids"]
        assert len(prompt) >= 40, "the first 40 tokens hold no reply token"
    assert len(ns["pc_data"]) == 4
    assert len(ns["prepare"](ns["pc_data"], max_length=40).train_dataset) == 0
    assert run.stdout.endswith("== prompt-completion, max_length=40\nKept 0 of 4 examples\n")


@pytest.mark.quotes(
    "The function below reads what the trainer prepared: it counts the examples the trainer kept, and flags an example whose loss sees nothing, a loss that covers a role marker (so it reaches beyond the replies), and a reply cut before its end-of-turn token.",
)
def test_the_check_flags_a_reply_cut_before_its_end(runner):
    """The page: the check flags a reply cut before its end-of-turn token."""
    ns = runner.run(SNIPPET).namespace
    import contextlib
    import io

    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        ns["check"](ns["prepare"](ns["pc_data"], max_length=52), ns["pc_data"])
    assert "a reply without its end:" in out.getvalue()


@pytest.mark.quotes(
    "The function below reads what the trainer prepared: it counts the examples the trainer kept, and flags an example whose loss sees nothing, a loss that covers a role marker (so it reaches beyond the replies), and a reply cut before its end-of-turn token.",
)
def test_the_check_flags_an_example_with_nothing_to_learn_and_passes_two_whole_replies(runner):
    """Cases the page's data doesn't hit: a row whose loss sees nothing, and a conversation with two
    replies (two runs of learned tokens) that is fine."""
    ns = runner.run(SNIPPET).namespace

    def ids(text):
        return ns["tokenizer"](text, add_special_tokens=False)["input_ids"]

    prompt, reply = ids("<|im_start|>user\nHi<|im_end|>\n<|im_start|>assistant\n"), ids("Hello<|im_end|>\n")
    rows = [
        {"input_ids": prompt + reply, "labels": [-100] * len(prompt + reply)},
        {"input_ids": reply + prompt + reply, "labels": reply + [-100] * len(prompt) + reply},
    ]
    printed = io.StringIO()
    with contextlib.redirect_stdout(printed):
        ns["check"](types.SimpleNamespace(train_dataset=rows), rows)
    assert printed.getvalue() == "Kept 2 of 2 examples\n  nothing to learn: 1\n"
