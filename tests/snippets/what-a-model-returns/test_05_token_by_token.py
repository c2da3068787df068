"""Claims about snippets/what-a-model-returns/05_token_by_token.py."""

import pytest

SNIPPET = "what-a-model-returns/05_token_by_token.py"


def _steps(run):
    lines = run.stdout.splitlines()
    return [line for line in lines if line.startswith("step ")]


@pytest.mark.quotes(
    "To produce text, take one token from the distribution, append it to the input and run the model\nagain: a new last row, a new distribution, the next token.",
    "Taking the most likely token each\ntime is the simplest rule:",
)
def test_prints_each_step_the_text_and_the_check(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tokenizer, sequence = ns["tokenizer"], ns["sequence"]
    lines = run.stdout.splitlines()
    assert len(_steps(run)) == 6
    assert lines[6] == repr(tokenizer.decode(sequence[0]))
    assert lines[7] == "generate agrees: True"
    assert len(lines) == 8


@pytest.mark.quotes(
    "Six steps, six forward passes, six tokens.",
    "`model.generate` with `do_sample=False` runs the same\nloop and returns the same ids;",
)
def test_the_loop_and_generate_give_the_same_six_tokens(runner):
    import torch

    ns = runner.run(SNIPPET).namespace
    prompt_length = ns["inputs"]["input_ids"].shape[1]
    assert ns["sequence"].shape[1] == prompt_length + 6
    assert torch.equal(ns["generated"], ns["sequence"])


@pytest.mark.quotes(
    "The first token was a clear favourite; by the\nlast step the most likely token had less than a twentieth of the probability, and the loop took\nit anyway, because its rule says so.",
)
def test_the_first_pick_is_sure_and_the_last_is_not(runner):
    steps = _steps(runner.run(SNIPPET))
    first, last = (float(line.split()[-1]) for line in (steps[0], steps[-1]))
    assert first > 0.75
    assert last < 0.05
