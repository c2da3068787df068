"""Claims about snippets/preference-tuning-with-dpo/04_train.py."""

import math

import pytest

from coursetools import outputs, recording
from coursetools.runner import SNIPPETS

SNIPPET = "preference-tuning-with-dpo/04_train.py"


@pytest.mark.quotes(
    "At each one it logs the loss and the reward margin",
)
def test_prints_each_logged_loss_and_margin(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    logged = [e for e in ns["trainer"].state.log_history if "loss" in e]
    assert run.stdout == "step  loss    margin\n" + "".join(
        f"{e['step']:4d}  {e['loss']:.4f}  {e['rewards/margins']:.4f}\n" for e in logged
    )
    assert ns["steps"] == list(range(1, ns["args"].max_steps + 1)), "one line per step"


@pytest.mark.quotes(
    "At step 1 the loss is 0.6931, which is ln 2, and the margin is exactly 0.",
    "Before the first\nupdate the model is its own reference, so chosen and rejected are tied, and a tie costs ln 2.",
)
def test_the_first_step_is_a_tie(runner):
    ns = runner.run(SNIPPET).namespace
    assert abs(ns["losses"][0] - math.log(2)) < 1e-4
    assert abs(ns["margins"][0]) < 1e-6


@pytest.mark.quotes("From there the margin grows and the loss falls")
def test_the_margin_grows_and_the_loss_falls(runner):
    ns = runner.run(SNIPPET).namespace
    losses, margins = ns["losses"], ns["margins"]
    assert losses[-1] < 0.7 * losses[0] and sum(losses[-3:]) < sum(losses[:3]) * 0.7
    assert margins[-1] > 0.5 and sum(margins[-3:]) > sum(margins[:3]) + 1


@pytest.mark.quotes("neither moves the same way at every step, because each step sees two other pairs.")
def test_neither_moves_the_same_way_at_every_step(runner):
    ns = runner.run(SNIPPET).namespace
    losses, margins = ns["losses"], ns["margins"]
    assert any(b > a for a, b in zip(losses, losses[1:]))
    assert any(b < a for a, b in zip(margins, margins[1:]))


@pytest.mark.quotes(
    "From there the margin grows and the loss falls",
)
def test_the_figure_is_drawn_from_the_printed_margins(runner):
    run = runner.run(SNIPPET)
    [line] = run.namespace["ax"].get_lines()
    assert list(line.get_xdata()) == run.namespace["steps"] and list(line.get_ydata()) == run.namespace["margins"]
    [figure] = run.figures
    assert figure.name == "margins.png" and len(figure.data) <= 60 * 1024
    assert figure.alt.startswith("Line chart, Reward margin, chosen minus rejected: reward margin against step.")


@pytest.mark.quotes(
    "The outputs were recorded from the weights and library versions named\n  under each block, on a CPU with the instruction set named there.",
)
def test_it_trained_and_its_recording_names_the_cpu(runner, sources):
    run = runner.run(SNIPPET)
    assert run.trained
    recorded = outputs.read(outputs.output_path(SNIPPETS / SNIPPET))
    assert recorded.determinism and set(recorded.versions) >= {"peft", "trl", "matplotlib", "datasets"}
    assert recording.decide(SNIPPET, run, sources).determinism == recording.determinism()
