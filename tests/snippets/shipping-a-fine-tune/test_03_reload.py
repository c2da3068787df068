"""Claims about snippets/shipping-a-fine-tune/03_reload.py."""

import pytest

SNIPPET = "shipping-a-fine-tune/03_reload.py"


@pytest.mark.quotes(
    "Whoever gets the folder loads it with two lines of transformers, as they would load a model from the Hub.",
)
def test_prints_the_class_the_check_and_the_score(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    shipped = ns["shipped"]
    hits = sum(r == f"LABEL: {label}" for r, (_, label) in zip(ns["shipped_replies"], ns["held_out"]))
    assert run.stdout == (
        f"{type(shipped).__name__} {shipped.dtype}\n"
        f"Same replies as the trained model: {ns['shipped_replies'] == ns['trained_replies']}\n"
        f"Exact matches: {hits}/{len(ns['held_out'])}\n"
    )


@pytest.mark.quotes(
    "A plain `LlamaForCausalLM` in float32, loaded without PEFT, gives the same twelve replies as the trained model."
)
def test_the_plain_model_gives_the_trained_models_replies(runner):
    import torch

    ns = runner.run(SNIPPET).namespace
    shipped = ns["shipped"]
    assert type(shipped).__name__ == "LlamaForCausalLM" and shipped.dtype == torch.float32
    assert not [name for name, _ in shipped.named_parameters() if "lora" in name]
    assert ns["shipped_replies"] == ns["trained_replies"] and len(ns["shipped_replies"]) == 12


@pytest.mark.quotes(
    "The block first deletes the trained model and its trainer, so that nothing but the folder is left to load from, and it loads the tokenizer from the folder too, so the chat template is the one you saved:",
)
def test_the_tokenizer_came_from_the_folder(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["model_id"] == "sentiment-model"
    assert not {"model", "merged", "trainer"} & set(ns), "the trained model is gone"
    assert ns["tokenizer"].padding_side == "left"
    assert ns["tokenizer"].name_or_path == "sentiment-model"
