"""Claims about snippets/learning-curves/03_the_figure.py."""

import pytest

SNIPPET = "learning-curves/03_the_figure.py"


@pytest.mark.quotes(
    "The next block draws both, on a log scale, because they fall through three powers of ten:",
)
def test_the_figure_draws_both_printed_curves(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    training, held = ns["ax"].get_lines()
    assert list(training.get_xdata()) == ns["steps"] == list(held.get_xdata())
    assert list(training.get_ydata()) == ns["train_loss"] and list(held.get_ydata()) == ns["held_loss"]
    assert ns["ax"].get_yscale() == "log"
    every = ns["train_loss"] + ns["held_loss"]
    assert 100 < max(every) / min(every) < 10_000
    [figure] = run.figures
    assert figure.name == "curves.png"
    assert figure.alt.startswith("Line chart, Learning curves: loss (log scale) against step.")


@pytest.mark.quotes(
    "The two curves fall together.",
    "Up to step 18 the held-out loss falls at every evaluation; at step 20 it is about where it was at step 18.",
)
def test_the_held_out_loss_falls_then_levels(runner):
    ns = runner.run(SNIPPET).namespace
    held, steps = ns["held_loss"], ns["steps"]
    i18 = steps.index(18)
    assert all(later < earlier for earlier, later in zip(held[: i18 + 1], held[1 : i18 + 1]))
    assert held[steps.index(20)] == pytest.approx(held[i18], rel=0.1)
    train = ns["train_loss"]
    assert train[-1] < train[0] / 100 and held[-1] < held[0] / 100


@pytest.mark.quotes("The held-out loss is below the training loss at every evaluation:")
def test_the_held_out_loss_is_below_the_training_loss(runner):
    ns = runner.run(SNIPPET).namespace
    assert all(h < t for t, h in zip(ns["train_loss"], ns["held_loss"]))


@pytest.mark.quotes(
    "The lowest held-out loss is in the run's last two evaluations, and the trainer loaded that step's "
    "checkpoint, as the block's last line shows:",
)
def test_the_best_checkpoint_is_loaded(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    best = ns["best"]
    assert best == ns["steps"][ns["held_loss"].index(min(ns["held_loss"]))]
    assert best in ns["steps"][-2:]
    state = ns["trainer"].state
    assert state.best_model_checkpoint.endswith(f"checkpoint-{best}")
    assert state.best_metric == pytest.approx(min(ns["held_loss"]))
    assert run.stdout.endswith(f"Checkpoint loaded: curve-run/checkpoint-{best}\n")
