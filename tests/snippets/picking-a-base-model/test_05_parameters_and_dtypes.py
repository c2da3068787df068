"""Claims about snippets/picking-a-base-model/05_parameters_and_dtypes.py."""

import pytest
import torch

SNIPPET = "picking-a-base-model/05_parameters_and_dtypes.py"
DTYPES = (torch.float32, torch.bfloat16, torch.int8)


@pytest.mark.quotes("Size is the parameter count, and everything else follows from it:")
def test_prints_exactly_the_count_and_one_row_per_dtype(runner):
    run = runner.run(SNIPPET)
    parameters = run.namespace["parameters"]
    expected = f"Parameters: {parameters:,}\n"
    for dtype in DTYPES:
        size = torch.empty(0, dtype=dtype).element_size()
        expected += (
            f"  {str(dtype).removeprefix('torch.'):<9} {size} bytes/value  {parameters * size / 2**20:4.0f} MiB\n"
        )
    assert run.stdout == expected


@pytest.mark.quotes("Size is the parameter count, and everything else follows from it:")
def test_the_count_is_every_parameter_of_the_model_once(runner):
    """The count is every parameter of the model, each counted once."""
    ns = runner.run(SNIPPET).namespace
    assert ns["parameters"] == ns["model"].num_parameters()


@pytest.mark.quotes(
    "Memory for the weights is the parameter count times the bytes of one value in the dtype you load them in: 4 for float32, 2 for bfloat16, 1 for int8.",
    "Halve the bytes, halve the memory;",
)
def test_float32_is_twice_bfloat16_and_four_times_int8(runner):
    """The page: float32 takes 4 bytes a value, bfloat16 2, int8 1; halve the bytes, halve the memory."""
    run = runner.run(SNIPPET)
    mib = [float(line.split()[-2]) for line in run.stdout.splitlines()[1:]]
    assert [torch.empty(0, dtype=d).element_size() for d in DTYPES] == [4, 2, 1]
    parameters = run.namespace["parameters"]
    assert [round(parameters * size / 2**20) for size in (4, 2, 1)] == mib
    assert abs(mib[0] - 2 * mib[1]) <= 1 and abs(mib[1] - 2 * mib[2]) <= 1


@pytest.mark.quotes("Size is the parameter count, and everything else follows from it:")
def test_it_is_a_small_model_in_every_dtype(runner):
    """The page: even in float32 the weights take well under a gigabyte."""
    assert runner.run(SNIPPET).namespace["parameters"] * 4 < 2**30
