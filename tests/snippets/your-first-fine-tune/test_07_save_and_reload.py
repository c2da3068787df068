"""Claims about snippets/your-first-fine-tune/07_save_and_reload.py."""

from pathlib import Path

import pytest

from coursetools.runner import ROOT

SNIPPET = "your-first-fine-tune/07_save_and_reload.py"
LORA = "your-first-fine-tune/03_add_lora.py"


def _adapter(run) -> Path:
    return Path(run.workdir.name) / "sentiment-lora"


@pytest.mark.quotes(
    "`save_pretrained` on the LoRA model writes only the adapter: its configuration, the A and B matrices, and a model card."
)
def test_prints_each_file_of_the_adapter_and_whether_the_replies_match(runner):
    run = runner.run(SNIPPET)
    folder = _adapter(run)
    listing = "".join(f"{p.name}: {p.stat().st_size / 1024:,.1f} KiB\n" for p in sorted(folder.iterdir()))
    same = run.namespace["reloaded_replies"] == run.namespace["after_replies"]
    own = f"The model's own weights: {run.namespace['model_bytes'] / 2**20:,.1f} MiB\n"
    assert run.stdout == listing + own + f"Same replies as the trained model: {same}\n"


@pytest.mark.quotes("Reloaded into a freshly loaded base model, it gives exactly the replies the trained model gave.")
def test_the_reloaded_adapter_answers_exactly_as_the_trained_model(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["reloaded_replies"] == ns["after_replies"]


@pytest.mark.quotes(
    "The adapter weighs a few MiB against the hundreds of the model's own weights, which makes it cheap to keep one adapter per task over a single base model.",
    "The adapter you save below is a few MiB; the model's own weights are hundreds.",
)
def test_the_adapter_is_the_trainable_parameters_in_float32(runner):
    """The page: the adapter file holds only what LoRA trained, a few MiB, not the model."""
    run = runner.run(SNIPPET)
    size = (_adapter(run) / "adapter_model.safetensors").stat().st_size
    trainable = runner.run(LORA).namespace["trainable"]
    assert trainable * 4 <= size < trainable * 4 + 64 * 1024
    lora = runner.run(LORA).namespace
    assert run.namespace["model_bytes"] == (lora["total"] - lora["trainable"]) * 4
    assert size < 10 * 2**20 and run.namespace["model_bytes"] > 100 * 2**20, "a few MiB against hundreds"


@pytest.mark.quotes(
    "To use it later, load the base model and put the adapter on it with `PeftModel.from_pretrained`:",
    "Files they write (the adapter, the loss curve) go to the current folder.",
)
def test_it_reloads_into_a_fresh_base_model_and_writes_nothing_into_the_repository(runner):
    run = runner.run(SNIPPET)
    trained = runner.run(LORA).namespace["model"].get_base_model()
    assert run.namespace["base"] is not trained, "the trained model was handed out as the base"
    assert run.namespace["reloaded"].get_base_model() is run.namespace["base"]
    assert not (ROOT / "sentiment-lora").exists() and not (ROOT / "sentiment-run").exists()
