"""Claims about snippets/what-a-model-returns/03_softmax.py."""

import math

import pytest

SNIPPET = "what-a-model-returns/03_softmax.py"


@pytest.mark.quotes(
    "Softmax turns a row of logits into probabilities.",
)
def test_prints_the_checks_and_the_top_five(runner):
    import torch

    run = runner.run(SNIPPET)
    ns = run.namespace
    tokenizer, last, probs = ns["tokenizer"], ns["last"], ns["probs"]
    expected = (
        f"same as by hand: {ns['same']}\n"
        f"sum of probabilities: {probs.sum():.4f}\n"
        f"all positive: {bool((probs > 0).all())}\n"
        "token        logit   probability\n"
    )
    for token_id in torch.topk(last, 5).indices:
        expected += f"{tokenizer.decode(token_id)!r:<10} {last[token_id]:7.2f}  {probs[token_id]:.4f}\n"
    assert run.stdout == expected


@pytest.mark.quotes(
    "`torch.softmax` computes the same thing as the one line by hand, up to float rounding.",
    "It takes the exponential of each score, which\nmakes every one positive, and divides by their sum, which makes them add up to 1:",
)
def test_softmax_is_exp_over_sum_positive_and_sums_to_one(runner):
    ns = runner.run(SNIPPET).namespace
    probs = ns["probs"]
    assert ns["same"] is True
    assert bool((probs > 0).all())
    assert abs(float(probs.sum()) - 1) < 1e-4


@pytest.mark.quotes(
    "The order\nstays: the token with the highest logit is the most likely one.",
)
def test_the_order_stays(runner):
    ns = runner.run(SNIPPET).namespace
    last, probs = ns["last"], ns["probs"]
    assert last.argmax() == probs.argmax()
    assert probs.argsort(descending=True)[:10].tolist() == last.argsort(descending=True)[:10].tolist()


@pytest.mark.quotes(
    "`' Paris'` is less than three points ahead of `' the'` in logits, and about twelve times\nas likely:",
    "the ratio of two probabilities is the exponential of the difference of their logits,\nwhatever the other tokens' scores are.",
)
def test_a_small_gap_in_logits_is_a_large_ratio_of_probabilities(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer, last, probs = ns["tokenizer"], ns["last"], ns["probs"]
    first, second = probs.argsort(descending=True)[:2].tolist()
    assert (tokenizer.decode(first), tokenizer.decode(second)) == (" Paris", " the")
    gap = float(last[first] - last[second])
    ratio = float(probs[first] / probs[second])
    assert 0 < gap < 3
    assert 11 <= ratio < 13
    assert math.isclose(ratio, math.exp(gap), rel_tol=1e-3)
