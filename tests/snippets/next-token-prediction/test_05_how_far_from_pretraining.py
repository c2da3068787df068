"""Claims about snippets/next-token-prediction/05_how_far_from_pretraining.py."""

import pytest

SNIPPET = "next-token-prediction/05_how_far_from_pretraining.py"


@pytest.mark.quotes(
    "The last block puts the run next to the numbers of the model itself:",
)
def test_prints_the_numbers_from_the_model_and_the_run(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    model = ns["model"]
    total = sum(p.numel() for p in model.parameters())
    trained = sum(p.numel() for p in model.parameters() if p.requires_grad)
    tokens = ns["ids"].shape[1]
    assert run.stdout == (
        f"Parameters:         {total:,}\n"
        f"Trained here:       {trained:,} ({trained / total:.1%})\n"
        f"Context length:     {model.config.max_position_embeddings:,} tokens\n"
        f"Training text:      {tokens} tokens\n"
        f"Optimizer steps:    {len(ns['steps'])}\n"
        f"Tokens trained on:  {len(ns['steps']) * tokens:,}\n"
    )


@pytest.mark.quotes("This run trained about a tenth of them, starting from a model that was already trained.")
def test_about_a_tenth_trained(runner):
    ns = runner.run(SNIPPET).namespace
    assert 0.08 < ns["trained"] / ns["total"] < 0.12


@pytest.mark.quotes(
    "The model reads up to 8,192 tokens at once; the whole training text here is 68, less than one percent of a single context window, and the run saw 1,020 tokens in all."
)
def test_the_text_against_the_context_window(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["context"] == ns["model"].config.max_position_embeddings == 8192
    assert ns["ids"].shape[1] == 68
    assert ns["ids"].shape[1] < ns["context"] / 100
    assert ns["seen"] == 1020


@pytest.mark.quotes("Fifteen steps, one sequence each, on a CPU.")
def test_fifteen_steps_of_one_sequence(runner):
    ns = runner.run(SNIPPET).namespace
    assert len(ns["steps"]) == 15 and ns["ids"].shape[0] == 1
    assert ns["model"].device.type == "cpu"
