"""Claims about snippets/chat-data-and-loss-masking/03_assistant_only_trap.py."""

import math

import pytest

SNIPPET = "chat-data-and-loss-masking/03_assistant_only_trap.py"


@pytest.mark.quotes(
    "SmolLM2-135M-Instruct's template has no such markers.",
    "The trainer, in the pinned trl 1.16.0, refuses to start: it can patch a few chat templates "
    "it knows, and SmolLM2's is not one of them.",
)
def test_the_trainer_refuses_the_template_without_markers(runner):
    run = runner.run(SNIPPET)
    # The block below edits the shared tokenizer's template: its `original` is the model's own.
    original = runner.run("chat-data-and-loss-masking/04_generation_markers.py").namespace["original"]
    assert "{% generation %}" not in original
    assert run.stdout.startswith("SFTTrainer refused:\n")
    assert "patching is not supported for this template" in " ".join(run.stdout.split())
    import trl

    assert trl.__version__ == "1.16.0"


@pytest.mark.quotes(
    "The trap is one level down, in the tokenizer: asked for the assistant mask, it returns zeros "
    "for all 54 tokens, and only logs a warning, which a quiet logging setup hides.",
)
def test_the_tokenizer_mask_is_all_zeros(runner):
    run = runner.run(SNIPPET)
    mask = run.namespace["mask"]
    assert mask.numel() == 54 and int(mask.sum()) == 0
    assert "Assistant tokens: 0 of 54\n" in run.stdout


@pytest.mark.quotes(
    "The loss then has nothing to average over, and comes out `nan`.",
)
def test_every_label_is_ignored_and_the_loss_is_nan(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert bool((ns["labels"] == -100).all())
    assert math.isnan(ns["loss"].item())
    assert run.stdout.endswith("Loss with every token masked: nan\n")
