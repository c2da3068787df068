"""Claims about snippets/data-that-helps/02_leakage.py."""

import pytest

from coursetools.runner import SNIPPETS

SNIPPET = "data-that-helps/02_leakage.py"


@pytest.mark.quotes(
    "It trains twice with lesson 2.1's recipe, changed in two ways so that a few examples leave a mark: ten reviews instead of forty, so that each is seen twice, and three times the learning rate.",
    "Once on ten of lesson 2.1's reviews (clean), and once on four of them plus the six tricky held-out reviews (leaked):",
)
def test_prints_both_scores_of_both_runs(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.trained
    assert ns["clean"] == ns["train"][:10] and ns["leaked"] == ns["train"][:4] + ns["tricky"]
    assert len(ns["tricky"]) == len(ns["fresh"]) == 6
    source = (SNIPPETS / SNIPPET).read_text()
    assert "max_steps=10" in source and 10 * 2 == 2 * len(ns["clean"]) == 2 * len(ns["leaked"])
    for setting in ("r=2", "per_device_train_batch_size=2", "max_steps=10", "learning_rate=3e-3", "seed=0"):
        assert setting in source
    lines = []
    for name in ("clean", "leaked"):
        tricky, fresh = ns["scores"][name]
        lines += [f"Trained on {name} data:", f"  tricky held-out: {tricky}/6", f"  fresh tricky:    {fresh}/6"]
    assert run.stdout == "\n".join(lines) + "\n"


@pytest.mark.quotes(
    "six tricky ones (sarcasm and negation) held out for testing, and six fresh ones of the same kind that no training set below contains.",
)
def test_the_fresh_reviews_are_in_no_training_set(runner):
    ns = runner.run(SNIPPET).namespace
    fresh = {text for text, _ in ns["fresh"]}
    for items in (ns["train"], ns["clean"], ns["leaked"]):
        assert not fresh & {text for text, _ in items}


@pytest.mark.quotes(
    "Trained on the clean data, the model gets some of the tricky held-out reviews right and misses others, and it does about as well on the fresh ones.",
    "Trained with the six tricky reviews in its data, it gets more of them right, and fewer of the fresh ones.",
    "The differences are a review or two out of six, which a set this small can't tell from chance",
)
def test_the_leak_lifts_the_held_out_score_and_not_the_fresh_one(runner):
    scores = runner.run(SNIPPET).namespace["scores"]
    (clean_tricky, clean_fresh), (leaked_tricky, leaked_fresh) = scores["clean"], scores["leaked"]
    assert 0 < clean_tricky < 6
    assert abs(clean_fresh - clean_tricky) <= 1
    assert leaked_tricky > clean_tricky and leaked_fresh < clean_fresh
    assert 1 <= leaked_tricky - clean_tricky <= 2 and 1 <= clean_fresh - leaked_fresh <= 2
