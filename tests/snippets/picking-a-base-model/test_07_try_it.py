"""Claims about snippets/picking-a-base-model/07_try_it.py."""

import ast

import pytest

SNIPPET = "picking-a-base-model/07_try_it.py"


@pytest.mark.quotes("Step 6 takes a few lines.")
def test_prints_each_review_and_its_reply(runner):
    run = runner.run(SNIPPET)
    lines = run.stdout.splitlines()
    assert lines[0::2] == run.namespace["reviews"]
    for line in lines[1::2]:
        assert isinstance(ast.literal_eval(line.removeprefix("  -> ")), str)


@pytest.mark.quotes(
    "Not one of the three replies is a label.",
    "One repeats the review, one copies both labels from the instruction, and one is about something else.",
    "So SmolLM2-135M-Instruct can't do this task as it is:",
)
def test_no_reply_is_a_label_one_repeats_the_review_one_copies_the_labels(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    replies = [ast.literal_eval(line.removeprefix("  -> ")) for line in run.stdout.splitlines()[1::2]]
    assert len(replies) == len(ns["reviews"]) == 3
    assert not any(reply in ("LABEL: positive", "LABEL: negative") for reply in replies)
    repeats = [reply for reply, review in zip(replies, ns["reviews"]) if reply.strip() == review]
    copies = [reply for reply in replies if "LABEL: positive" in reply and "LABEL: negative" in reply]
    assert len(repeats) == 1 and len(copies) == 1
    other = [reply for reply in replies if reply not in repeats + copies]
    assert len(other) == 1 and "LABEL" not in other[0] and "positive" not in other[0].lower()
