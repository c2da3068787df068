"""Claims about snippets/your-first-fine-tune/08_merge.py."""

import pytest

SNIPPET = "your-first-fine-tune/08_merge.py"
LORA = "your-first-fine-tune/03_add_lora.py"


@pytest.mark.quotes(
    "`merge_and_unload` adds the scaled B·A into each weight it belongs to and removes the LoRA layers."
)
def test_prints_a_plain_model_without_lora(runner):
    run = runner.run(SNIPPET)
    merged = run.namespace["merged"]
    count = sum(p.numel() for p in merged.parameters())
    same = run.namespace["merged_replies"] == run.namespace["after_replies"]
    assert run.stdout == (
        f"{type(merged).__name__}\nLoRA parameters left: 0\nParameters: {count:,}\n"
        f"Same replies as the trained model: {same}\n"
    )
    assert type(merged).__name__ == "LlamaForCausalLM"


@pytest.mark.quotes(
    "What is left is an ordinary `LlamaForCausalLM` with exactly as many parameters as the model you started from, giving the same replies."
)
def test_merging_adds_no_parameters(runner):
    """The merged model has exactly the base model's parameters: LoRA's are folded in."""
    lora = runner.run(LORA).namespace
    merged = runner.run(SNIPPET).namespace["merged"]
    assert sum(p.numel() for p in merged.parameters()) == lora["total"] - lora["trainable"]


@pytest.mark.quotes(
    "What is left is an ordinary `LlamaForCausalLM` with exactly as many parameters as the model you started from, giving the same replies."
)
def test_the_merged_model_answers_as_the_trained_one(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["merged_replies"] == ns["after_replies"]
