"""Claims about snippets/learning-curves/02_train_and_evaluate.py."""

import pytest

SNIPPET = "learning-curves/02_train_and_evaluate.py"


def at(ns, step):
    return ns["held_loss"][ns["steps"].index(step)]


@pytest.mark.quotes(
    "Every two steps, the trainer logs the training loss, computes the held-out loss "
    '(`eval_dataset`, `eval_strategy="steps"`) and saves a checkpoint: the adapter as it is at that step.',
    "Each line is one evaluation.",
)
def test_prints_one_line_per_evaluation_every_two_steps(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    log = ns["trainer"].state.log_history
    evals = [e["step"] for e in log if "eval_loss" in e]
    assert ns["steps"] == evals == list(range(2, ns["trainer"].state.global_step + 1, 2))
    assert run.stdout == "step   train  held-out\n" + "".join(
        f"{s:4d}  {t:.4f}  {h:.4f}\n" for s, t, h in zip(ns["steps"], ns["train_loss"], ns["held_loss"])
    )
    assert len(ns["held_loss"]) == len(ns["train_loss"])


@pytest.mark.quotes(
    "The learning rate stays at `1e-3` instead of falling to zero, so that late steps still move "
    "the model and a long run can show what more training does.",
)
def test_the_learning_rate_is_constant(runner):
    log = runner.run(SNIPPET).namespace["trainer"].state.log_history
    rates = [e["learning_rate"] for e in log if "learning_rate" in e]
    assert rates and all(rate == pytest.approx(1e-3) for rate in rates)


@pytest.mark.quotes("Both fall, from above 1 to a few thousandths.")
def test_both_losses_fall(runner):
    ns = runner.run(SNIPPET).namespace
    for losses in (ns["train_loss"], ns["held_loss"]):
        assert losses[0] > 1
        assert losses[-1] < 0.01


@pytest.mark.quotes(
    "The held-out loss is computed on all 12 held-out examples after the step, and on their replies only, "
    "as the training loss is.",
)
def test_the_held_out_loss_is_on_the_replies_of_all_12(runner):
    ns = runner.run(SNIPPET).namespace
    trainer = ns["trainer"]
    assert len(trainer.eval_dataset) == len(ns["held_out"])
    row = trainer.eval_dataset[0]
    in_loss = [t for t in row["labels"] if t != -100]  # -100: ignored by the loss
    assert ns["tokenizer"].decode(in_loss).startswith("LABEL: ")


@pytest.mark.quotes(
    "The run could go on for 30 steps.",
    "It stopped at step 20: the evaluations at steps 18 and 20 did not beat step 16's 0.0026 by more than 0.002.",
)
def test_early_stopping_stopped_the_run_at_step_20(runner):
    ns = runner.run(SNIPPET).namespace
    args, state = ns["args"], ns["trainer"].state
    assert args.max_steps == 30
    assert state.global_step == 20
    # Recompute the callback's rule from the printed losses.
    threshold, patience = 0.002, 2
    best, waited, stop = None, 0, None
    for step, loss in zip(ns["steps"], ns["held_loss"]):
        if best is None or best - loss > threshold:
            best, waited = loss, 0
        else:
            waited += 1
        best = min(best, loss)
        if waited >= patience:
            stop = step
            break
    assert stop == state.global_step == 20
    assert at(ns, 16) - at(ns, 18) < threshold and at(ns, 16) - at(ns, 20) < threshold


@pytest.mark.quotes(
    "In its 20 steps, the held-out loss never rose by more than a ten-thousandth between two evaluations.",
    "The held-out loss had not turned up, but the gains left were smaller than the threshold,",
)
def test_the_held_out_loss_never_turned_up(runner):
    held = runner.run(SNIPPET).namespace["held_loss"]
    assert all(later - earlier < 1e-4 for earlier, later in zip(held, held[1:]))


@pytest.mark.quotes("[Lesson 2.1](../your-first-fine-tune/index.md) trained for ten steps and stopped.")
def test_lesson_2_1_trained_ten_steps():
    from coursetools.runner import SNIPPETS

    assert "max_steps=10," in (SNIPPETS / "your-first-fine-tune" / "04_the_trainer.py").read_text()


@pytest.mark.quotes(
    "That is early stopping, and it takes three settings in the block above:",
    "`EarlyStoppingCallback(early_stopping_patience=2, early_stopping_threshold=0.002)`: stop once "
    "two evaluations in a row fail to beat the lowest held-out loss so far by more than 0.002.",
)
def test_the_early_stopping_settings(runner):
    from transformers import EarlyStoppingCallback

    ns = runner.run(SNIPPET).namespace
    args = ns["args"]
    assert (args.eval_strategy, args.eval_steps, args.save_strategy, args.save_steps) == ("steps", 2, "steps", 2)
    assert args.load_best_model_at_end and args.metric_for_best_model == "eval_loss"
    [stopper] = [c for c in ns["trainer"].callback_handler.callbacks if isinstance(c, EarlyStoppingCallback)]
    assert (stopper.early_stopping_patience, stopper.early_stopping_threshold) == (2, 0.002)
