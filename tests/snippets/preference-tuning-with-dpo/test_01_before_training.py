"""Claims about snippets/preference-tuning-with-dpo/01_before_training.py."""

import re

import pytest

SNIPPET = "preference-tuning-with-dpo/01_before_training.py"


@pytest.mark.quotes(
    "and two counts: how many replies\nare in the format, and how many hold the right number anywhere, in any words.",
)
def test_prints_each_reply_and_both_counts(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    replies, held_out = ns["before_replies"], ns["held_out"]
    in_format = sum(re.fullmatch(r"The answer is -?\d+\.", r.strip()) is not None for r in replies)
    knows = [re.search(rf"(?<![\d-]){a}(?!\d)", r) is not None for r, (_, a) in zip(replies, held_out)]
    assert (ns["before_format"], ns["before_knows"]) == (in_format, knows)
    assert run.stdout == (
        "".join(f"{r!r}\n" for r in replies)
        + f"In the format: {in_format}/{len(held_out)}\nRight number somewhere: {sum(knows)}/{len(held_out)}\n"
    )


@pytest.mark.quotes(
    "SmolLM2-135M-Instruct answers every question, and not once in the format.",
    "Only three replies hold the right number at all.",
)
def test_the_model_answers_but_never_in_the_format_and_rarely_right(runner):
    ns = runner.run(SNIPPET).namespace
    assert all(r.strip() for r in ns["before_replies"])
    assert ns["before_format"] == 0
    assert 0 < sum(ns["before_knows"]) <= len(ns["held_out"]) // 3


@pytest.mark.quotes(
    "Twelve\nheld-out questions, greedy replies of at most 12 new tokens, and two counts",
)
def test_twelve_questions_with_whole_number_answers(runner):
    ns = runner.run(SNIPPET).namespace
    assert len(ns["held_out"]) == 12
    assert len({q for q, _ in ns["held_out"]}) == 12
    assert ns["in_format"]("The answer is 42.") and ns["in_format"]("The answer is -8.")
    assert not ns["in_format"]("The answer is 42. A dog")
    assert ns["mentions"]("15 + 27 = 42", 42) and not ns["mentions"]("It is 142.", 42)
    assert ns["tokenizer"].padding_side == "left"
