"""Claims about snippets/loss-and-perplexity/02_loss_by_hand.py."""

import math

import pytest

SNIPPET = "loss-and-perplexity/02_loss_by_hand.py"


@pytest.mark.quotes(
    "The next block rebuilds it from those logits.",
    "The loss is the mean of those numbers.",
)
def test_prints_each_token_loss_and_both_means(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    expected = "".join(f"{p!r:>10}  {v:.3f}\n" for p, v in zip(ns["pieces"], ns["per_token"].tolist()))
    expected += f"By hand:       {ns['by_hand'].item():.6f}\nModel's loss:  {ns['output'].loss.item():.6f}\n"
    expected += f"Difference:    {abs(ns['by_hand'] - ns['output'].loss).item():.1e}\n"
    assert run.stdout == expected


@pytest.mark.quotes(
    "Six targets for seven tokens: the shift costs one.",
    "The mean of the six losses is the model's loss: the two differ by less than a millionth.",
)
def test_the_hand_computed_loss_is_the_model_s(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert ns["ids"].shape[1] == 7 and len(ns["targets"]) == 6
    # Not the printed digits compared: the two sum in different orders, and with other kernels
    # (COURSE_KERNELS=plain) they are one float32 step apart, which can change a sixth decimal.
    assert abs(ns["by_hand"].item() - ns["output"].loss.item()) < 1e-6
    assert float(run.stdout.splitlines()[-1].split(":")[1]) < 1e-6


@pytest.mark.quotes("A token's loss is minus the log of the probability the model gave it.")
def test_a_token_s_loss_is_minus_log_its_probability(runner):
    import torch

    ns = runner.run(SNIPPET).namespace
    probs = torch.softmax(ns["logits"], dim=-1)
    for i, target in enumerate(ns["targets"].tolist()):
        assert math.isclose(ns["per_token"][i].item(), -math.log(probs[i, target].item()), rel_tol=1e-4)
