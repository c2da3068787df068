"""Claims about snippets/your-first-fine-tune/06_after_training.py."""

import pytest

SNIPPET = "your-first-fine-tune/06_after_training.py"


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
    "The fine-tune taught both at once: the exact format, which none of the replies before training had, and the judgement, which they rarely attempted: only one of them says in words whether its review is positive."
)
def test_more_held_out_reviews_are_right_after_training(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["after"] > ns["before"]
    # A judgement in words: a reply that isn't the label format and names a sentiment.
    in_words = [r for r in ns["before_replies"] if not r.startswith("LABEL") and ("positive" in r or "negative" in r)]
    assert len(in_words) == 1


@pytest.mark.quotes(
    "Every reply is now in the format, and most are right.",
    "What it still gets wrong, it gets wrong as a label, which is the honest kind of error:",
)
def test_every_reply_is_now_in_the_format(runner):
    """The page: training taught the format everywhere; what it gets wrong, it gets wrong as a label."""
    ns = runner.run(SNIPPET).namespace
    assert set(ns["after_replies"]) <= {"LABEL: positive", "LABEL: negative"}
    assert ns["after"] > len(ns["held_out"]) / 2, "most are right"
