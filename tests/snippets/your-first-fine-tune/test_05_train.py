"""Claims about snippets/your-first-fine-tune/05_train.py."""

from coursetools import outputs, recording
from coursetools.runner import SNIPPETS

SNIPPET = "your-first-fine-tune/05_train.py"


def test_prints_each_logged_loss(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    logged = [e for e in ns["trainer"].state.log_history if "loss" in e]
    assert run.stdout == "".join(f"step {e['step']:2d}  loss {e['loss']:.4f}\n" for e in logged)
    assert ns["steps"] == list(range(1, ns["args"].max_steps + 1)), "one loss per step"


def test_the_loss_falls(runner):
    losses = runner.run(SNIPPET).namespace["losses"]
    assert losses[-1] < losses[0] / 4
    assert sum(losses[-3:]) < sum(losses[:3]) / 4


def test_the_loss_does_not_fall_at_every_step(runner):
    losses = runner.run(SNIPPET).namespace["losses"]
    assert any(later > earlier for earlier, later in zip(losses, losses[1:]))


def test_the_learning_rate_decays_linearly_to_zero(runner):
    logged = [e for e in runner.run(SNIPPET).namespace["trainer"].state.log_history if "learning_rate" in e]
    rates = [e["learning_rate"] for e in logged]
    assert rates == sorted(rates, reverse=True) and rates[-1] < rates[0] / 5


def test_the_figure_is_drawn_from_the_printed_losses(runner):
    run = runner.run(SNIPPET)
    [line] = run.namespace["ax"].get_lines()
    assert list(line.get_xdata()) == run.namespace["steps"] and list(line.get_ydata()) == run.namespace["losses"]
    [figure] = run.figures
    assert figure.name == "loss.png"
    assert figure.alt.startswith("Line chart, Training loss: loss against step.")


def test_it_trained_and_its_recording_names_the_cpu(runner, sources):
    run = runner.run(SNIPPET)
    assert run.trained
    recorded = outputs.read(outputs.output_path(SNIPPETS / SNIPPET))
    assert recorded.determinism and set(recorded.versions) >= {"peft", "trl", "matplotlib", "datasets"}
    assert recording.decide(SNIPPET, run, sources).determinism == recording.determinism()
