"""Claims about snippets/your-first-fine-tune/05_train.py."""

import pytest

from coursetools import outputs, recording
from coursetools.runner import SNIPPETS

SNIPPET = "your-first-fine-tune/05_train.py"


@pytest.mark.quotes("`trainer.train()` runs the ten steps.", "Each line also shows the learning rate of that step:")
def test_prints_each_logged_loss(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    logged = [e for e in ns["trainer"].state.log_history if "loss" in e]
    assert run.stdout == "".join(
        f"step {e['step']:2d}  loss {e['loss']:.4f}  lr {e['learning_rate']:.4f}\n" for e in logged
    )
    assert ns["steps"] == list(range(1, ns["args"].max_steps + 1)), "one loss per step"


@pytest.mark.quotes(
    "The loss falls steeply and then flattens: after a few steps the model gives the reply tokens a high probability."
)
def test_the_loss_falls(runner):
    losses = runner.run(SNIPPET).namespace["losses"]
    assert losses[-1] < losses[0] / 4
    assert sum(losses[-3:]) < sum(losses[:3]) / 4


@pytest.mark.quotes(
    "It does not fall at every step, because every step sees two other reviews, and some are harder than others."
)
def test_the_loss_does_not_fall_at_every_step(runner):
    losses = runner.run(SNIPPET).namespace["losses"]
    assert any(later > earlier for earlier, later in zip(losses, losses[1:]))


@pytest.mark.quotes(
    'The learning rate, the size of each step the optimizer takes, starts at `1e-3` and falls linearly towards zero (`lr_scheduler_type="linear"`);',
    "The learning rate falls by the same amount at every step, from 0.0010 at the first to 0.0001 at the tenth: one more step of that size would reach zero.",
)
def test_the_learning_rate_decays_linearly_to_zero(runner):
    logged = [e for e in runner.run(SNIPPET).namespace["trainer"].state.log_history if "learning_rate" in e]
    rates = [e["learning_rate"] for e in logged]
    args = runner.run(SNIPPET).namespace["args"]
    assert rates[0] == pytest.approx(args.learning_rate)
    drops = [earlier - later for earlier, later in zip(rates, rates[1:])]
    assert drops == pytest.approx([rates[-1]] * len(drops)), "the same drop at every step"
    assert rates[-1] - drops[-1] == pytest.approx(0, abs=1e-12), "one more step of that size reaches zero"


@pytest.mark.quotes("The curve is the figure the block saves, drawn from the same logged values it prints.")
def test_the_figure_is_drawn_from_the_printed_losses(runner):
    run = runner.run(SNIPPET)
    [line] = run.namespace["ax"].get_lines()
    assert list(line.get_xdata()) == run.namespace["steps"] and list(line.get_ydata()) == run.namespace["losses"]
    [figure] = run.figures
    assert figure.name == "loss.png"
    assert figure.alt.startswith("Line chart, Training loss: loss against step.")


@pytest.mark.quotes(
    "The outputs were recorded from the weights and library versions named under each block, with the CPU kernels named there (AVX2)."
)
def test_it_trained_and_its_recording_names_the_cpu(runner, sources):
    run = runner.run(SNIPPET)
    assert run.trained
    recorded = outputs.read(outputs.output_path(SNIPPETS / SNIPPET))
    assert recorded.determinism and set(recorded.versions) >= {"peft", "trl", "matplotlib", "datasets"}
    assert recording.decide(SNIPPET, run, sources).determinism == recording.determinism()
