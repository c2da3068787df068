"""Claims about snippets/next-token-prediction/03_train.py."""

import pytest

from coursetools import outputs, recording
from coursetools.runner import SNIPPETS

SNIPPET = "next-token-prediction/03_train.py"


@pytest.mark.quotes(
    "The next block runs fourteen more steps on the same text and draws the loss at each one:",
)
def test_prints_each_loss(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert ns["steps"] == list(range(1, 16)), "fifteen steps, the first in the block above"
    assert run.stdout == "".join(f"step {s:2d}  loss {v:.4f}\n" for s, v in zip(ns["steps"], ns["losses"]))


@pytest.mark.quotes(
    "The loss falls at every step, steeply at first, and ends at less than a tenth of where it started."
)
def test_the_loss_falls_at_every_step(runner):
    losses = runner.run(SNIPPET).namespace["losses"]
    assert all(later < earlier for earlier, later in zip(losses, losses[1:]))
    assert losses[0] - losses[1] > losses[-2] - losses[-1], "steeper at first"
    assert losses[-1] < losses[0] / 10


@pytest.mark.quotes(
    "A loss that low on one paragraph means the model now gives the true next token almost all the probability at nearly every position of it"
)
def test_the_final_loss_means_high_probability_on_the_text(runner):
    import math

    losses = runner.run(SNIPPET).namespace["losses"]
    # The average -log p of the true next token, as the loss is: below 0.1 means p above 0.9 on average.
    assert math.exp(-losses[-1]) > 0.9


@pytest.mark.quotes(
    "The next block runs fourteen more steps on the same text and draws the loss at each one:",
)
def test_the_figure_is_drawn_from_the_printed_losses(runner):
    run = runner.run(SNIPPET)
    [line] = run.namespace["ax"].get_lines()
    assert list(line.get_xdata()) == run.namespace["steps"] and list(line.get_ydata()) == run.namespace["losses"]
    [figure] = run.figures
    assert figure.name == "loss.png"
    assert figure.alt.startswith("Line chart, Training loss on the Tarn text: loss against step.")


@pytest.mark.quotes(
    "It takes a paragraph of raw text the model has never seen, trains on it for fifteen optimizer steps on a CPU, and shows what changed: the loss, and what the model writes.",
    "This page trains SmolLM2-135M-Instruct instead, for a practical reason: the course records its outputs on a machine without the Hub, where only the instruct model's real weights are available.",
)
def test_it_trained_and_its_recording_names_the_cpu(runner, sources):
    run = runner.run(SNIPPET)
    assert run.trained
    recorded = outputs.read(outputs.output_path(SNIPPETS / SNIPPET))
    assert recorded.determinism and "matplotlib" in recorded.versions
    assert recording.decide(SNIPPET, run, sources).determinism == recording.determinism()
