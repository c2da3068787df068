"""Claims about snippets/lora-settings/02_one_run.py."""

import contextlib
import inspect
import io
import re

import pytest

from coursetools import outputs
from coursetools.runner import SNIPPETS

SNIPPET = "lora-settings/02_one_run.py"
FIRST = "2.1's settings"


def lesson_2_1(snippet: str) -> str:
    """What lesson 2.1's page shows under `snippet`: its recording, which its own tests hold to a
    fresh run. Read, not run again: its ten training steps are lesson 2.1's model work, not this one's."""
    recorded = outputs.read(outputs.output_path(SNIPPETS / "your-first-fine-tune" / snippet))
    assert recorded is not None and recorded.stdout is not None, f"lesson 2.1's {snippet} has no recorded output"
    return recorded.stdout


def lesson_2_1_losses() -> list[float]:
    """The loss at each of lesson 2.1's ten steps, as its page prints them (four decimals)."""
    return [float(loss) for loss in re.findall(r"^step +\d+  loss (\d+\.\d+)", lesson_2_1("05_train.py"), re.M)]


def report(name, run, n):
    """What the page's report() prints for a run, rebuilt from the run."""
    pos, neg = run["replies"].count("LABEL: positive"), run["replies"].count("LABEL: negative")
    return (
        f"{name}\n  loss {run['losses'][0]:.2f} -> {run['losses'][-1]:.2f}\n"
        f"  held-out {run['score']}/{n}\n  replies: {pos} pos, {neg} neg, {n - pos - neg} other\n"
    )


def steps(run):
    """The lines the block prints after the report: each step's loss."""
    return "".join(f"  step {step}  loss {loss:.4f}\n" for step, loss in enumerate(run["losses"], 1))


@pytest.mark.quotes(
    "The first run is lesson 2.1's settings, stopped at five steps:",
)
def test_prints_the_report_of_the_run(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert list(ns["runs"])[0] == FIRST  # the blocks below add theirs to the same dict
    assert run.stdout == report(FIRST, ns["runs"][FIRST], len(ns["held_out"])) + steps(ns["runs"][FIRST])
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
    full_loss = lesson_2_1_losses()[-1]
    full_score = int(re.search(r"^Exact matches: (\d+)/", lesson_2_1("06_after_training.py"), re.M).group(1))
    assert len(lesson_2_1_losses()) == 10 and round(full_loss, 2) == 0.11 and full_score == 11
    assert short["losses"][-1] > 4 * full_loss
    assert 0 < short["score"] < full_score
    formatted = [r for r in short["replies"] if r in ("LABEL: positive", "LABEL: negative")]
    assert 0 < len(short["replies"]) - len(formatted) <= 2, "a reply or two not yet in the format"
    assert formatted.count("LABEL: positive") > 2 * formatted.count("LABEL: negative")


@pytest.mark.quotes(
    "The first two losses are those of lesson 2.1's run; after that, this run's are higher.",
)
def test_the_schedule_makes_the_short_run_differ_from_the_third_step(runner):
    """Against the losses lesson 2.1's page prints: the same to their four decimals, give or take
    the last digit another CPU family may round the other way; from step 3 on, clearly higher."""
    short = runner.run(SNIPPET).namespace["runs"][FIRST]["losses"]
    full = lesson_2_1_losses()
    assert all(abs(s - f) <= 2e-4 for s, f in zip(short[:2], full[:2])), (short[:2], full[:2])
    assert all(s > f + 0.01 for s, f in zip(short[2:], full[2:5])), (short, full)


def _tiny_model(tokenizer):
    """A one-layer Llama with the tokenizer's vocabulary: what the trainer prints doesn't depend on
    the weights, and it trains and replies in a fraction of the time SmolLM2 takes."""
    import torch
    from transformers import LlamaConfig, LlamaForCausalLM

    torch.manual_seed(0)
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=32,
        intermediate_size=64,
        num_hidden_layers=1,
        num_attention_heads=2,
        num_key_value_heads=1,
        pad_token_id=tokenizer.pad_token_id,
        eos_token_id=tokenizer.eos_token_id,
    )
    return LlamaForCausalLM(config)


def _quieted_run(ns, monkeypatch, **left_in) -> str:
    """What the block's fine_tune(steps=1) prints with transformers' verbosity at `error` (which
    turns progress bars off, so the trainer logs through PrinterCallback), on a tiny model.
    `left_in` swaps a callback the block removes for a stand-in, so the real one stays."""
    import transformers

    scope = ns["fine_tune"].__globals__  # the chain's namespace, restored after the test
    monkeypatch.setitem(
        scope, "AutoModelForCausalLM", type("Tiny", (), {"from_pretrained": lambda _id: _tiny_model(ns["tokenizer"])})
    )
    for name in left_in:
        monkeypatch.setitem(scope, name, type(name, (transformers.TrainerCallback,), {}))
    before = transformers.logging.get_verbosity()
    transformers.logging.set_verbosity_error()
    try:
        captured = io.StringIO()
        with contextlib.redirect_stdout(captured):
            ns["fine_tune"](steps=1)
    finally:
        transformers.logging.set_verbosity(before)
    return captured.getvalue()


@pytest.mark.quotes("The block removes both, so it prints the same whatever your logging settings.")
def test_the_trainer_prints_nothing_even_with_transformers_quieted(runner, tmp_path, monkeypatch):
    """With verbosity `error`, transformers turns progress bars off and PrinterCallback would
    print every log dict: the block's one-step run must still print nothing, and the same run
    with PrinterCallback left in prints its log (so quieting really switched it on)."""
    ns = runner.run(SNIPPET).namespace
    monkeypatch.chdir(tmp_path)  # where the trainer's output_dir goes
    assert _quieted_run(ns, monkeypatch) == ""
    assert "'loss'" in _quieted_run(ns, monkeypatch, PrinterCallback=True)
