"""Claims about snippets/data-that-helps/05_synthetic_data.py."""

import textwrap

import pytest

SNIPPET = "data-that-helps/05_synthetic_data.py"


@pytest.mark.quotes(
    "Here the writer is SmolLM2-135M-Instruct itself, asked for one-sentence reviews, one request per topic and label.",
    "The block prints the first six of the twelve:",
)
def test_prints_the_first_six_of_twelve(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert ns["asks"] == [(t, label) for t in ns["topics"] for label in ("positive", "negative")]
    assert len(ns["synthetic"]) == 12
    lines = [f"Generated: {len(ns['synthetic'])}"]
    for text, label, finished in ns["synthetic"][:6]:
        lines += [f"[{label}{'' if finished else ', cut'}]", textwrap.indent(textwrap.fill(text, 56), "  ")]
    assert run.stdout == "\n".join(lines) + "\n"


@pytest.mark.quotes(
    "With its adapter switched off, the clean run's model is the instruct",
)
def test_the_writer_is_the_instruct_model(runner):
    """The clean fine-tune with its adapter off computes what the model it was loaded from does."""
    from transformers import AutoModelForCausalLM

    ns = runner.run(SNIPPET).namespace
    judge, batch = ns["judge"], ns["batch"]
    plain = AutoModelForCausalLM.from_pretrained(ns["model_id"])
    import torch

    with torch.no_grad(), judge.disable_adapter():
        adapted_off = judge(**batch).logits
    with torch.no_grad():
        assert torch.equal(adapted_off, plain(**batch).logits)
