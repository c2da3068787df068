"""Claims about snippets/shipping-a-fine-tune/01_the_fine_tune.py."""

import pytest

SNIPPET = "shipping-a-fine-tune/01_the_fine_tune.py"


@pytest.mark.quotes(
    "It scores as lesson 2.1's fine-tune did.",
)
def test_prints_the_score(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    hits = sum(r == f"LABEL: {label}" for r, (_, label) in zip(ns["trained_replies"], ns["held_out"]))
    assert run.stdout == f"Trained with LoRA: {hits}/{len(ns['held_out'])} exact matches\n"


@pytest.mark.quotes(
    "The first block is lesson 2.1 in one piece: the same task, data, LoRA settings and ten training "
    "steps, scored on the same held-out reviews."
)
def test_it_is_lesson_2_1s_fine_tune(runner):
    from coursetools.runner import SNIPPETS

    ns = runner.run(SNIPPET).namespace
    lesson_2_1 = "".join(
        (SNIPPETS / "your-first-fine-tune" / f).read_text() for f in ("01_before_training.py", "02_training_data.py")
    )
    for review, label in ns["train"] + ns["held_out"]:
        assert f'("{review}", "{label}")' in lesson_2_1
    assert (len(ns["train"]), len(ns["held_out"])) == (40, 12)
    assert f'"{ns["task"][:30]}' in lesson_2_1 or ns["task"][:30] in lesson_2_1
    config, args = ns["config"], ns["args"]
    assert (config.r, config.lora_alpha, args.max_steps, args.learning_rate) == (2, 4, 10, 1e-3)
    assert args.per_device_train_batch_size == 2 and args.seed == 0
    assert ns["score"] > len(ns["held_out"]) / 2, "most held-out reviews right, as in lesson 2.1"


@pytest.mark.quotes(
    "The first block is lesson 2.1 in one piece: the same task, data, LoRA settings and ten training steps, scored on the same held-out reviews.",
)
def test_the_trainer_prints_through_neither_callback(runner):
    from transformers import PrinterCallback, ProgressCallback

    trainer = runner.run(SNIPPET).namespace["trainer"]
    kinds = {type(c) for c in trainer.callback_handler.callbacks}
    assert not kinds & {PrinterCallback, ProgressCallback}


@pytest.mark.quotes("It scores as lesson 2.1's fine-tune did.")
def test_it_scores_as_lesson_2_1s_fine_tune(runner):
    ns = runner.run(SNIPPET).namespace
    lesson_2_1 = runner.run("your-first-fine-tune/06_after_training.py").namespace
    assert ns["score"] == lesson_2_1["after"]
    assert ns["trained_replies"] == lesson_2_1["after_replies"]
