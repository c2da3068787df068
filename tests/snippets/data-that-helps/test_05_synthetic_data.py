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
    "The writer is the clean run's model from above with its adapter switched off, which computes exactly what SmolLM2-135M-Instruct computes, so the block doesn't load the model a second time.",
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


@pytest.mark.quotes(
    "Some read like reviews.",
    "Others don't: two were cut at the 32-token limit, and one of those is a reply about the task (`Here's a one-sentence negative review of a phone:`) rather than a review.",
    "One kept a template's placeholder, `[insert adjective_desc]`.",
    "One, about a complimentary upgrade, reviews nothing at all.",
)
def test_what_the_first_six_show(runner):
    ns = runner.run(SNIPPET).namespace
    first = ns["synthetic"][:6]
    new = ns["output"][:, ns["batch"]["input_ids"].shape[1] :]
    assert new.shape[1] == 32, "the longest reply reached the 32-token limit"
    cut = [text for text, _, finished in first if not finished]
    assert len(cut) == 2
    assert sum(text.startswith("Here's a one-sentence negative review of a phone:") for text in cut) == 1
    assert sum("[insert adjective_desc]" in text for text, _, _ in first) == 1
    assert sum("complimentary upgrade" in text for text, _, _ in first) == 1
