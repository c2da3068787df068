"""Claims about snippets/how-likely-is-a-reply/01_log_probs_of_a_reply.py."""

import math

import pytest

SNIPPET = "how-likely-is-a-reply/01_log_probs_of_a_reply.py"


@pytest.mark.quotes(
    "The reply is every token after the prompt, up to and including `<|im_end|>` and the line break the chat template puts after it, the same tokens TRL's preference trainers score.",
)
def test_the_reply_tokens_are_the_ones_trl_scores(runner):
    from trl.trainer.dpo_trainer import common_prefix_length

    ns = runner.run(SNIPPET).namespace
    ids = ns["ids"][0].tolist()
    prompt_len = common_prefix_length(ns["prompt_ids"], ids)  # how DPOTrainer splits prompt and reply
    assert prompt_len == ns["start"] == len(ns["prompt_ids"])
    assert ns["reply_ids"].tolist() == ids[prompt_len:]
    assert ns["tokenizer"].decode(ns["reply_ids"]).endswith("The answer is 8.<|im_end|>\n")


@pytest.mark.quotes(
    "Their sum is the sequence log-probability of the reply.",
    "the log-probability of a token is the natural log of its probability, always zero or below, zero for a certain token.",
)
def test_prints_each_token_and_the_sum(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    per_token = ns["reply_log_probs"]
    assert (per_token <= 0).all()
    lines = run.stdout.splitlines()
    assert len(lines) == len(ns["reply_ids"]) + 1
    total = float(per_token.sum())
    assert math.isclose(float(ns["total"]), total, rel_tol=1e-6)
    assert lines[-1] == f"Sum: {total:.3f}  p = {math.exp(total):.4f}"


@pytest.mark.quotes(
    "The one line to get right is the shift: the logits at position i are the model's guess for the token at position i + 1, so the first reply token is scored by the logits of the last prompt token.",
)
def test_one_forward_pass_scores_the_token_after_each_position(runner):
    import torch

    ns = runner.run(SNIPPET).namespace
    ids, logits, start = ns["ids"], ns["logits"], ns["start"]
    first = torch.log_softmax(logits[0, start - 1], dim=-1)[ids[0, start]]
    assert torch.isclose(first, ns["reply_log_probs"][0])
