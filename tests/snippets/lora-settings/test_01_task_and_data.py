"""Claims about snippets/lora-settings/01_task_and_data.py."""

import ast

import pytest

from coursetools.runner import SNIPPETS

SNIPPET = "lora-settings/01_task_and_data.py"


def _literal(snippet: str, name: str):
    """The value a snippet of lesson 2.1 assigns to `name`, read from its source."""
    tree = ast.parse((SNIPPETS / snippet).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and [t.id for t in node.targets if isinstance(t, ast.Name)] == [name]:
            return ast.literal_eval(node.value)
    raise AssertionError(f"{snippet} assigns no {name}")


@pytest.mark.quotes(
    "Every run below uses lesson 2.1's task, its 40 training reviews and its 12 held-out reviews, and scores replies the same way: exact matches only.",
    "The first block sets them up again, word for word.",
)
def test_prints_the_counts(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.stdout == f"Training examples: {len(ns['dataset'])}\nHeld-out reviews: {len(ns['held_out'])}\n"


@pytest.mark.quotes(
    "Every run below uses lesson 2.1's task, its 40 training reviews and its 12 held-out reviews, "
    "and scores replies the same way: exact matches only."
)
def test_the_data_and_the_held_out_reviews_are_lesson_2_1s(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["train"] == _literal("your-first-fine-tune/02_training_data.py", "train")
    assert ns["held_out"] == _literal("your-first-fine-tune/01_before_training.py", "held_out")
    assert ns["task"] == _literal("your-first-fine-tune/01_before_training.py", "task")
    assert (len(ns["train"]), len(ns["held_out"])) == (40, 12)
    assert ns["exact_matches"](["LABEL: negative", "LABEL: negative."], ns["held_out"][:2]) == 1


@pytest.mark.quotes("Only `max_new_tokens` is smaller: six tokens are room enough for `LABEL: positive`")
def test_six_new_tokens_hold_either_label_and_its_end(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer = ns["tokenizer"]
    for label in ("positive", "negative"):
        ids = tokenizer(f"LABEL: {label}<|im_end|>", add_special_tokens=False)["input_ids"]
        assert len(ids) <= 6, ids
