"""Claims about snippets/lora-settings/02_one_run.py."""

import contextlib
import inspect
import io

import pytest

from coursetools.runner import SNIPPETS

SNIPPET = "lora-settings/02_one_run.py"
FIRST = "2.1's settings"
# Lesson 2.1's own run, ten steps (its chain runs once per session in the suite).
LESSON_2_1 = "your-first-fine-tune/06_after_training.py"


def report(name, run, n):
    """What the page's report() prints for a run, rebuilt from the run."""
    pos, neg = run["replies"].count("LABEL: positive"), run["replies"].count("LABEL: negative")
    return (
        f"{name}\n  loss {run['losses'][0]:.2f} -> {run['losses'][-1]:.2f}\n"
        f"  held-out {run['score']}/{n}\n  replies: {pos} pos, {neg} neg, {n - pos - neg} other\n"
    )


@pytest.mark.quotes(
    "The first run is lesson 2.1's settings, stopped at five steps:",
)
def test_prints_the_report_of_the_run(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert list(ns["runs"])[0] == FIRST  # the blocks below add theirs to the same dict
    assert run.stdout == report(FIRST, ns["runs"][FIRST], len(ns["held_out"]))
    assert len(ns["runs"][FIRST]["losses"]) == 5, "one logged loss per step"


@pytest.mark.quotes(
    "Its defaults are lesson 2.1's settings but for one, the number of training steps: five instead of ten.",
    "Every run starts from the same seed, so runs differ only in what you pass.",
)
def test_the_defaults_are_lesson_2_1s_settings_but_five_steps(runner):
    ns = runner.run(SNIPPET).namespace
    defaults = {k: p.default for k, p in inspect.signature(ns["fine_tune"]).parameters.items()}
    assert defaults == {
        "r": 2,
        "alpha": 4,
        "lr": 1e-3,
        "steps": 5,
        "schedule": "linear",
        "targets": "all-linear",
        "seed": 0,
    }
    lesson_2_1 = "".join(
        (SNIPPETS / "your-first-fine-tune" / name).read_text() for name in ("03_add_lora.py", "04_the_trainer.py")
    )
    for setting in (
        "r=2,",
        "lora_alpha=4,",
        'target_modules="all-linear"',
        "torch.manual_seed(0)",
        "max_steps=10,",
        "learning_rate=1e-3,",
        'lr_scheduler_type="linear"',
        "per_device_train_batch_size=2,",
        "seed=0,",
    ):
        assert setting in lesson_2_1, setting


@pytest.mark.quotes(
    "Lesson 2.1's ten steps took the loss to 0.11 and the score to 11 of 12. "
    "Five steps take the loss to 0.95 and the score to 7 of 12.",
    "One reply is still not in the format, and the others lean to `positive`: the model has half learned the task.",
)
def test_five_steps_learn_half_of_what_ten_do(runner):
    short = runner.run(SNIPPET).namespace["runs"][FIRST]
    full = runner.run(LESSON_2_1).namespace
    assert short["losses"][-1] > 4 * full["losses"][-1]
    assert 0 < short["score"] < full["after"]
    formatted = [r for r in short["replies"] if r in ("LABEL: positive", "LABEL: negative")]
    assert 0 < len(short["replies"]) - len(formatted) <= 2, "a reply or two not yet in the format"
    assert formatted.count("LABEL: positive") > 2 * formatted.count("LABEL: negative")


@pytest.mark.quotes(
    "The first two losses are those of lesson 2.1's run; after that, this run's are higher.",
)
def test_the_schedule_makes_the_short_run_differ_from_the_third_step(runner):
    short = runner.run(SNIPPET).namespace["runs"][FIRST]["losses"]
    full = runner.run(LESSON_2_1).namespace["losses"]
    assert short[:2] == full[:2]
    assert all(s > f for s, f in zip(short[2:], full[2:5]))


@pytest.mark.quotes("The block removes both, so it prints the same whatever your logging settings.")
def test_the_trainer_prints_nothing_even_with_transformers_quieted(runner, tmp_path, monkeypatch):
    """With verbosity `error`, transformers turns progress bars off and PrinterCallback would
    print every log dict: a one-step run must still print nothing."""
    import transformers

    ns = runner.run(SNIPPET).namespace
    monkeypatch.chdir(tmp_path)  # where the trainer's output_dir goes
    before = transformers.logging.get_verbosity()
    transformers.logging.set_verbosity_error()
    try:
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            ns["fine_tune"](steps=1)
    finally:
        transformers.logging.set_verbosity(before)
    assert captured.getvalue() == ""
