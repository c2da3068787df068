"""Claims about snippets/preference-tuning-with-dpo/06_why_not_ppo.py."""

import pytest
from trl import GRPOConfig

SNIPPET = "preference-tuning-with-dpo/06_why_not_ppo.py"


@pytest.mark.quotes(
    "This block\ncounts the model's forward passes in one DPO step, and in sampling one group of replies of at\nmost 64 tokens",
)
def test_prints_the_passes_the_timing_and_the_samples(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    samples, group = ns["samples"], ns["group"]
    assert len(samples) == group
    assert run.stdout == (
        f"One DPO step: {ns['dpo_passes']} passes\nSampling {group} replies: {ns['passes']} passes\n"
        f"Sampling took longer: {ns['sample_seconds'] > ns['dpo_seconds']}\n"
        f"Samples in the format: {sum(map(ns['in_format'], samples))}/{group}\n"
        f"First sample: {samples[0][:40]!r}\n"
    )


@pytest.mark.quotes(
    "One DPO step is two passes over replies that already exist: one through the model being\n"
    "trained, one through the reference (the adapter off).",
)
def test_a_dpo_step_is_two_passes(runner):
    assert runner.run(SNIPPET).namespace["dpo_passes"] == 2


@pytest.mark.quotes(
    "Sampling is one pass per new token, one\nafter the other",
    "64 passes for one group of\neight replies to one question, and it took longer than the whole DPO step.",
    "GRPOConfig's default\ngroup is the eight used here",
)
def test_sampling_is_one_pass_per_token_and_slower(runner):
    ns = runner.run(SNIPPET).namespace
    new_tokens = ns["output"].shape[1] - ns["prompt"]["input_ids"].shape[1]
    assert ns["passes"] == new_tokens == 64
    assert ns["group"] == GRPOConfig.__dataclass_fields__["num_generations"].default == 8
    assert ns["sample_seconds"] > ns["dpo_seconds"]


@pytest.mark.quotes("Not one of the eight is in the format")
def test_no_sample_is_in_the_format(runner):
    ns = runner.run(SNIPPET).namespace
    assert not any(map(ns["in_format"], ns["samples"]))
