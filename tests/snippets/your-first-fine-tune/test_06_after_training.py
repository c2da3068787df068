"""Claims about snippets/your-first-fine-tune/06_after_training.py."""

import os
import re

import pytest

from coursetools import outputs, recording
from coursetools.runner import SNIPPETS

SNIPPET = "your-first-fine-tune/06_after_training.py"
BEFORE = "your-first-fine-tune/01_before_training.py"


@pytest.mark.quotes("The same held-out reviews, the same exact-match score, now with the adapter in place:")
def test_prints_each_reply_and_both_scores(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    n = len(ns["held_out"])
    hits = sum(reply == f"LABEL: {label}" for reply, (_, label) in zip(ns["after_replies"], ns["held_out"]))
    assert ns["after"] == hits
    assert run.stdout == (
        "".join(f"{reply!r}\n" for reply in ns["after_replies"])
        + f"Exact matches: {hits}/{n}\nBefore training: {ns['before']}/{n}\n"
    )


@pytest.mark.quotes(
    "The fine-tune taught both at once: the exact format, which none of the replies before training had, and the judgement, which the instruct model could already make in prose."
)
def test_more_held_out_reviews_are_right_after_training(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["after"] > ns["before"]


@pytest.mark.quotes(
    "Every reply is now in the format, and most are right.",
    "What it still gets wrong, it gets wrong as a label, which is the honest kind of error:",
)
def test_every_reply_is_now_in_the_format(runner):
    """The page: training taught the format everywhere; what it gets wrong, it gets wrong as a label."""
    ns = runner.run(SNIPPET).namespace
    assert set(ns["after_replies"]) <= {"LABEL: positive", "LABEL: negative"}
    assert ns["after"] > len(ns["held_out"]) / 2, "most are right"


@pytest.mark.quotes(
    "The course's tests run this fine-tune on every change, so the losses, the curve and the scores below are those of a real training run."
)
def test_the_scores_are_the_recorded_ones(runner, sources):
    """Before and after, as this run counts them, are the numbers the page shows."""
    ns = runner.run(SNIPPET).namespace
    for snippet, score in ((SNIPPET, ns["after"]), (BEFORE, ns["before"])):
        recorded = outputs.read(outputs.output_path(SNIPPETS / snippet))
        reason = recording.difference(recorded, sources, online=os.environ.get("HF_HUB_OFFLINE") != "1")
        if reason:
            pytest.skip(reason)
        shown = re.search(r"^Exact matches: (\d+)/", recorded.stdout, re.M)
        assert int(shown.group(1)) == score
