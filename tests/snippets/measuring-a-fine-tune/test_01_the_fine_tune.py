"""Claims about snippets/measuring-a-fine-tune/01_the_fine_tune.py."""

import ast

import pytest

from coursetools.runner import SNIPPETS

SNIPPET = "measuring-a-fine-tune/01_the_fine_tune.py"


def literal(snippet, name):
    """The literal a snippet assigns to `name`, read from its source without running it."""
    tree = ast.parse((SNIPPETS / snippet).read_text(encoding="utf-8"))
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(getattr(t, "id", None) == name for t in node.targets):
            return ast.literal_eval(node.value)
    raise LookupError(name)


@pytest.mark.quotes(
    "This is lesson 2.1's task, data and fine-tune, unchanged and in one block: the same system message, the same 40 training reviews and 12 held-out ones, LoRA with `r=2`, ten steps with the same seed."
)
def test_it_is_lesson_2_1s_fine_tune(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.trained
    assert ns["held_out"] == literal("your-first-fine-tune/01_before_training.py", "held_out")
    assert ns["train"] == literal("your-first-fine-tune/02_training_data.py", "train")
    assert len(ns["train"]) == 40 and len(ns["held_out"]) == 12
    assert ns["config"].r == 2 and ns["args"].max_steps == 10 and ns["args"].seed == 0
    assert ns["task"] == literal("your-first-fine-tune/01_before_training.py", "task")


@pytest.mark.quotes(
    "The score is an exact match: a reply counts only if it is the label, character for character, because that is what the code that reads it needs."
)
def test_prints_the_exact_match_score(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    hits = sum(reply == f"LABEL: {label}" for reply, (_, label) in zip(ns["tuned"], ns["held_out"]))
    assert ns["hits"] == hits
    assert run.stdout == f"Fine-tuned, held-out exact match: {hits}/12\n"


@pytest.mark.quotes(
    "[Lesson 2.1](../your-first-fine-tune/index.md) ended with a fine-tune that got most of its 12 held-out reviews right, and with two honest limits:"
)
def test_most_of_the_12_are_right(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["hits"] > len(ns["held_out"]) / 2 and len(ns["held_out"]) == 12
