"""Claims about snippets/data-that-helps/04_label_balance.py."""

from collections import Counter

import pytest

SNIPPET = "data-that-helps/04_label_balance.py"


@pytest.mark.quotes(
    "This block trains, with the same recipe, on nine negative reviews and one positive, and counts the replies on lesson 2.1's twelve held-out reviews, six of each label, next to those of the clean run:",
    "The clean ten reviews above are five of each.",
)
def test_prints_the_label_counts_and_the_replies(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.trained
    assert Counter(label for _, label in ns["unbalanced"]) == {"negative": 9, "positive": 1}
    assert Counter(label for _, label in ns["clean"]) == {"negative": 5, "positive": 5}
    assert Counter(label for _, label in ns["held_out"]) == {"negative": 6, "positive": 6}
    lines = [
        "Label counts in training:",
        f"  clean:      {dict(Counter(label for _, label in ns['clean']))}",
        f"  unbalanced: {dict(Counter(label for _, label in ns['unbalanced']))}",
        "Held-out: 6 positive, 6 negative",
    ]
    for name, replies in ns["predicted"].items():
        right = sum(r == f"LABEL: {lab}" for r, (_, lab) in zip(replies, ns["held_out"]))
        lines += [
            f"Trained on {name} data: {right}/12 right",
            f"  replied positive {replies.count('LABEL: positive')}, negative {replies.count('LABEL: negative')}",
        ]
    assert run.stdout == "\n".join(lines) + "\n"


@pytest.mark.quotes(
    "The clean run replies each label as often as the truth has it.",
    "The unbalanced run replies negative to every review, so it gets the six negatives right and every positive wrong:",
)
def test_the_unbalanced_run_leans_to_the_majority_label(runner):
    predicted = runner.run(SNIPPET).namespace["predicted"]
    assert predicted["clean"].count("LABEL: positive") == predicted["clean"].count("LABEL: negative") == 6
    assert predicted["unbalanced"] == ["LABEL: negative"] * 12


@pytest.mark.quotes("The figure shows the counts the block prints.")
def test_the_figure_shows_the_printed_counts(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert ns["names"] == ["held-out truth", "clean", "unbalanced"]
    assert ns["pos_counts"] == [6] + [r.count("LABEL: positive") for r in ns["predicted"].values()]
    assert ns["neg_counts"] == [6] + [r.count("LABEL: negative") for r in ns["predicted"].values()]
    bars = [patch.get_height() for patch in ns["ax"].patches]
    assert bars == ns["pos_counts"] + ns["neg_counts"]
    [figure] = run.figures
    assert figure.name == "labels.png"


@pytest.mark.quotes(
    "A score alone can hide this.",
    "On a held-out set of nine negatives and one positive, a model that always replies negative scores 90 %.",
)
def test_always_negative_scores_the_share_of_negatives(runner):
    ns = runner.run(SNIPPET).namespace
    reviews = ns["unbalanced"]  # nine negatives and one positive
    right = sum(label == "negative" for _, label in reviews)
    assert right / len(reviews) == 0.9
    assert set(ns["predicted"]["unbalanced"]) == {"LABEL: negative"}, "this run is such a model"
