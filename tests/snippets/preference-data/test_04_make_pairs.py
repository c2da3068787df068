"""Claims about snippets/preference-data/04_make_pairs.py."""

import pytest

SNIPPET = "preference-data/04_make_pairs.py"


@pytest.mark.quotes(
    "Each kept reply, against each dropped reply to the same question, makes one pair.",
    "A question only gives pairs when its replies disagree: where the rule drops every reply, there is nothing to prefer, and those questions are simply missing from the data.",
)
def test_pairs_are_kept_times_dropped_and_some_questions_give_none(runner):
    ns = runner.run(SNIPPET).namespace
    judge = ns["follows_the_format"]
    expected = 0
    silent = 0
    for q, _ in ns["questions"]:
        kept = sum(judge(r) for r in ns["samples"][q])
        expected += kept * (len(ns["samples"][q]) - kept)
        silent += kept == 0
    assert len(ns["pairs"]) == expected
    assert silent >= 1
    assert len(ns["asked"]) == len(ns["questions"]) - silent


@pytest.mark.quotes(
    "And the pairs are not independent: every pair of a question shares its one kept reply, so the data says the same thing several times.",
)
def test_each_question_has_one_kept_reply(runner):
    ns = runner.run(SNIPPET).namespace
    for question in ns["asked"]:
        chosen = {p["chosen"][0]["content"] for p in ns["pairs"] if p["prompt"][-1]["content"] == question}
        assert len(chosen) == 1


@pytest.mark.quotes(
    "Its chosen reply says 3 + 5 is 11; its rejected reply says 8, which is right.",
    "The rule preferred a wrong answer in the right format to a right answer in the wrong one, and a model tuned on this pair is pushed towards the wrong fact.",
)
def test_the_first_pair_prefers_a_wrong_answer(runner):
    run = runner.run(SNIPPET)
    first = run.namespace["first"]
    assert first["prompt"][-1]["content"] == "What is 3 + 5?"
    assert first["chosen"][0]["content"] == "The answer is 11."
    assert "8" in first["rejected"][0]["content"] and "11" not in first["rejected"][0]["content"]
    assert "Conversational: True\n" in run.stdout
