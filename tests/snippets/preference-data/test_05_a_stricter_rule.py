"""Claims about snippets/preference-data/05_a_stricter_rule.py."""

import pytest

SNIPPET = "preference-data/05_a_stricter_rule.py"


@pytest.mark.quotes(
    "Fewer pairs, from one question only, but every chosen reply is now right.",
)
def test_fewer_pairs_one_question_all_right(runner):
    ns = runner.run(SNIPPET).namespace
    strict, loose = ns["strict"], ns["pairs"]
    assert 0 < len(strict) < len(loose)
    assert len({p[-1]["content"] for p in strict["prompt"]}) == 1
    answers = dict(ns["questions"])
    for p in strict:
        assert p["chosen"][0]["content"] == f"The answer is {answers[p['prompt'][-1]['content']]}."
