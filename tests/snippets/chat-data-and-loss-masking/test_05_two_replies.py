"""Claims about snippets/chat-data-and-loss-masking/05_two_replies.py."""

import pytest

SNIPPET = "chat-data-and-loss-masking/05_two_replies.py"


def _learned_text(ns, trainer):
    row = trainer.train_dataset[0]
    return ns["tokenizer"].decode([t for t, label in zip(row["input_ids"], row["labels"]) if label != -100])


@pytest.mark.quotes(
    "Assistant-only loss learns from every reply in the conversation.",
    "Completion-only loss learns from the completion alone, so the first reply, now part of the "
    "prompt, is read but not learned.",
)
def test_assistant_only_learns_both_replies_completion_only_the_last(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    (_, l1), (_, l2) = ns["train"][:2]
    both = ns["prepare"](ns["two_replies"], assistant_only_loss=True)
    last = ns["prepare"](ns["last_reply"])
    assert _learned_text(ns, both) == f"LABEL: {l1}<|im_end|>\nLABEL: {l2}<|im_end|>\n"
    assert _learned_text(ns, last) == f"LABEL: {l2}<|im_end|>\n"
    assert both.train_dataset[0]["input_ids"] == last.train_dataset[0]["input_ids"], "the same text"
    assert run.stdout.count("[[") == 3


@pytest.mark.quotes("On a single reply both masks agree.")
def test_on_a_single_reply_both_masks_agree(runner):
    """Held in full by test_04's assistant-only versus completion-only comparison; here on the page's data."""
    ns = runner.run(SNIPPET).namespace
    fixed = ns["prepare"](ns["msg_data"], assistant_only_loss=True)
    assert fixed.train_dataset["labels"] == ns["pc_trainer"].train_dataset["labels"]
