"""Claims about snippets/preference-data/03_sample_and_judge.py."""

import re

import pytest

SNIPPET = "preference-data/03_sample_and_judge.py"


def _replies(ns):
    """(question, answer, reply, kept) for every sampled reply."""
    return [
        (q, answer, reply, ns["follows_the_format"](reply))
        for q, answer in ns["questions"]
        for reply in ns["samples"][q]
    ]


@pytest.mark.quotes(
    "The block below asks SmolLM2-135M-Instruct four short questions, with a system message that spells out the format, and samples six replies to each at temperature 0.7.",
)
def test_four_questions_six_samples_each(runner):
    ns = runner.run(SNIPPET).namespace
    assert len(ns["questions"]) == 4 and ns["n"] == 6
    assert all(len(replies) == 6 for replies in ns["samples"].values())
    assert "The answer is" in ns["system"]


@pytest.mark.quotes(
    "The model rarely follows the format, even when the system message spells it out.",
    "Several replies are right in prose and still dropped, and one kept reply is wrong.",
)
def test_few_kept_many_right_in_prose_one_kept_is_wrong(runner):
    ns = runner.run(SNIPPET).namespace
    rows = _replies(ns)
    kept = [r for r in rows if r[3]]
    assert 0 < len(kept) <= len(rows) // 4
    right_in_prose = [r for r in rows if not r[3] and re.search(rf"\b{r[1]}\b", r[2])]
    assert len(right_in_prose) >= 3, right_in_prose
    wrong_kept = [r for r in kept if r[2].strip() != f"The answer is {r[1]}."]
    assert len(wrong_kept) == 1


@pytest.mark.quotes(
    "The rule then keeps or drops each reply:",
)
def test_prints_every_verdict_and_the_count(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    rows = _replies(ns)
    assert run.stdout.count("  keep ") + run.stdout.count("  drop ") == len(rows)
    assert run.stdout.count("  keep ") == ns["kept"] == sum(r[3] for r in rows)
    assert run.stdout.endswith(f"The rule keeps {ns['kept']} of {len(rows)} replies.\n")
