"""Claims about snippets/picking-a-base-model/06_fine_tuning_memory.py."""

import pytest
import torch

SNIPPET = "picking-a-base-model/06_fine_tuning_memory.py"


@pytest.mark.quotes("parameter, before activations, which grow with batch size and sequence length:")
def test_prints_exactly_what_the_arithmetic_gives(runner):
    run = runner.run(SNIPPET)
    parameters, rows = run.namespace["parameters"], run.namespace["rows"]
    expected = f"Parameters: {parameters:,}\n"
    for label, per_parameter in rows:
        expected += f"{label}:\n  {per_parameter} bytes/parameter, {parameters * per_parameter / 2**30:.2f} GiB\n"
    expected += "Most parameters 16 GiB holds:\n"
    for label, per_parameter in rows:
        expected += f"  {label}: {16 * 2**30 / per_parameter / 1e9:.1f} billion\n"
    assert run.stdout == expected


@pytest.mark.quotes(
    "With Adam in float32 you hold four values per parameter: the weight, its gradient and Adam's two running averages — 16 bytes per parameter, before activations, which grow with batch size and sequence length:"
)
def test_adam_in_float32_needs_16_bytes_per_parameter(runner):
    """The page: weight, gradient and Adam's two averages, four float32 values: 16 bytes."""
    ns = runner.run(SNIPPET).namespace
    assert torch.empty(0, dtype=torch.float32).element_size() == 4
    assert ns["fine_tune"] == 16
    assert ns["inference"] == 2


@pytest.mark.quotes("A full fine-tune needs eight times the memory of running the model in bfloat16.")
def test_full_fine_tuning_needs_eight_times_the_inference_memory(runner):
    """The page: fine-tuning this way takes eight times what running the model in bfloat16 does."""
    ns = runner.run(SNIPPET).namespace
    assert ns["fine_tune"] == 8 * ns["inference"]


@pytest.mark.quotes("Size is the parameter count, and everything else follows from it:")
def test_the_same_parameter_count_as_the_size_snippet(runner):
    """The page computes both from the count printed in the block above."""
    here = runner.run(SNIPPET).namespace["parameters"]
    assert here == runner.run("picking-a-base-model/05_parameters_and_dtypes.py").namespace["parameters"]


@pytest.mark.quotes(
    "Read the last two lines as a rule of thumb for a 16 GiB laptop: it runs models several times larger than it can fully fine-tune, and full fine-tuning with Adam stops at around a billion parameters, before activations and everything else your machine is running.",
    "SmolLM2-135M-Instruct fits with room to spare, which is one reason this course uses it: every example runs on a laptop.",
)
def test_smollm2_fine_tunes_in_a_laptops_memory(runner):
    """The page: a full fine-tune of SmolLM2-135M-Instruct fits a 16 GiB laptop many times over,
    while 16 GiB stops full fine-tuning at around a billion parameters."""
    ns = runner.run(SNIPPET).namespace
    assert ns["parameters"] * ns["fine_tune"] * 4 < ns["budget"]
    assert 1.0 <= ns["budget"] / ns["fine_tune"] / 1e9 < 1.2
