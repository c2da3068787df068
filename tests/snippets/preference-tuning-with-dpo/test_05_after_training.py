"""Claims about snippets/preference-tuning-with-dpo/05_after_training.py."""

import os

import pytest

from coursetools import outputs, recording
from coursetools.runner import SNIPPETS

SNIPPET = "preference-tuning-with-dpo/05_after_training.py"


@pytest.mark.quotes(
    "Eleven replies of twelve are now in the format, from none.",
)
def test_prints_each_reply_and_the_counts(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    n, replies = len(ns["held_out"]), ns["after_replies"]
    right = [ns["in_format"](r) and ns["mentions"](r, a) for r, (_, a) in zip(replies, ns["held_out"])]
    assert ns["right"] == right
    gained = sum(r and not k for r, k in zip(right, ns["before_knows"]))
    lost = sum(k and not r for r, k in zip(right, ns["before_knows"]))
    assert run.stdout == (
        "".join(f"{r!r}\n" for r in replies)
        + f"In the format: {sum(map(ns['in_format'], replies))}/{n}\nRight: {sum(right)}/{n}\n"
        + f"Before training: {ns['before_format']} in the format\n"
        + f"Right now, not before: {gained}\nRight before (in prose), not now: {lost}\n"
    )


@pytest.mark.quotes("Eleven replies of twelve are now in the format, from none.")
def test_nearly_every_reply_is_now_in_the_format(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["before_format"] == 0
    assert ns["after_format"] >= 3 * len(ns["held_out"]) // 4


@pytest.mark.quotes(
    "No question is right now that was wrong\nbefore.",
    "DPO changed the form of the replies, not what the model knows.",
)
def test_the_form_changed_not_the_knowledge(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["gained"] == 0
    assert sum(ns["right"]) <= sum(ns["before_knows"])
    assert sum(ns["right"]) < ns["after_format"] / 2, "most replies in the format are wrong"


@pytest.mark.quotes(
    "Only two answers are right, and both are facts the untrained model already\nstated in prose",
    "One went the other way: before training, the model wrote that 100 divided by 5 is 20;\n"
    "now it says `The answer is 5.`",
    "`The answer is 3 times 13.` starts right and puts the question where the number goes.",
)
def test_the_replies_the_page_names_are_the_recorded_ones(runner, sources):
    """The page names replies of the recorded run; on other weights or another CPU, skip."""
    recorded = outputs.read(outputs.output_path(SNIPPETS / SNIPPET))
    reason = recording.difference(recorded, sources, online=os.environ.get("HF_HUB_OFFLINE") != "1")
    if reason:
        pytest.skip(reason)
    ns = runner.run(SNIPPET).namespace
    questions = [q for q, _ in ns["held_out"]]
    after = dict(zip(questions, ns["after_replies"]))
    before = dict(zip(questions, ns["before_replies"]))
    assert (ns["after_format"], sum(ns["right"]), ns["lost"]) == (11, 2, 1)
    assert after["What is 3 times 13?"] == "The answer is 3 times 13."
    assert "20" in before["What is 100 divided by 5?"] and after["What is 100 divided by 5?"] == "The answer is 5."
    right = {q for q, r in zip(questions, ns["right"]) if r}
    assert right == {"How many legs does a cat have?", "How many sides does a pentagon have?"}
