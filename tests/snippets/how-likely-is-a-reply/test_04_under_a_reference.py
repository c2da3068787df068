"""Claims about snippets/how-likely-is-a-reply/04_under_a_reference.py."""

import pytest
import torch

SNIPPET = "how-likely-is-a-reply/04_under_a_reference.py"


def _sums(ns, name):
    _, now = ns["reply_log_probs"](ns["tuned"], ns["prompt"], ns["replies"][name])
    with ns["tuned"].disable_adapter():
        _, ref = ns["reply_log_probs"](ns["tuned"], ns["prompt"], ns["replies"][name])
    return float(now.sum()), float(ref.sum())


@pytest.mark.quotes(
    "The reference gives the very sums of the untouched model in the block above.",
)
def test_the_reference_is_the_untouched_model(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    before = runner.run("how-likely-is-a-reply/02_chosen_vs_rejected.py").namespace["scores"]
    for name in ["chosen", "rejected"]:
        _, ref = _sums(ns, name)
        assert torch.isclose(torch.tensor(ref), before[name][1].sum(), atol=1e-4)
        assert f"reference {before[name][1].sum():7.3f}" in run.stdout


@pytest.mark.quotes(
    "The tuned model finds the chosen reply far more likely than the reference does, and now prefers it to the rejected one.",
    "But the rejected reply rose as well: training on one reply also lifts the replies that share its prompt and its answer.",
)
def test_sft_lifts_the_chosen_reply_and_the_rejected_one_too(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    chosen_now, chosen_ref = _sums(ns, "chosen")
    rejected_now, rejected_ref = _sums(ns, "rejected")
    assert chosen_now - chosen_ref > 2
    assert chosen_now > rejected_now
    assert rejected_now > rejected_ref
    assert run.trained
