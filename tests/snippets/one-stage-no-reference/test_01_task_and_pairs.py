"""Claims about snippets/one-stage-no-reference/01_task_and_pairs.py."""

import pytest

SNIPPET = "one-stage-no-reference/01_task_and_pairs.py"


@pytest.mark.quotes(
    "The first block is lesson 4.5's first two in one: the twelve held-out questions and their two\ncounts, and the forty pairs whose chosen reply is `The answer is N.`.",
)
def test_prints_the_counts(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    n = len(ns["held_out"])
    assert run.stdout == (
        f"Preference pairs: {len(ns['dataset'])}\nHeld-out questions: {n}\n"
        f"In the format: {ns['before_format']}/{n}\nRight number somewhere: {sum(ns['before_knows'])}/{n}\n"
    )


@pytest.mark.quotes(
    "The first block is lesson 4.5's first two in one",
)
def test_forty_pairs_twelve_questions_none_in_the_format_before(runner):
    ns = runner.run(SNIPPET).namespace
    assert len(ns["pairs"]) == 40 and len(ns["held_out"]) == 12
    assert not {q for q, _, _ in ns["pairs"]} & {q for q, _ in ns["held_out"]}
    assert ns["before_format"] == 0
