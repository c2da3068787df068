"""Claims about snippets/preference-data/02_a_rule.py."""

import pytest

SNIPPET = "preference-data/02_a_rule.py"


@pytest.mark.quotes(
    "The rule is strict about form: a missing full stop, a number in words or one word too many, and the reply fails.",
    "`The answer is 3.` passes, although no question here has 3 for an answer: the rule checks the format, not the facts.",
)
def test_the_rule_checks_form_only(runner):
    judge = runner.run(SNIPPET).namespace["follows_the_format"]
    assert judge("The answer is 8.") and judge("The answer is 3.")
    for reply in ["The answer is 8", "The answer is eight.", "The answer is 8. Easy!", "3 + 5 = 8"]:
        assert not judge(reply)
    questions = runner.run("preference-data/03_sample_and_judge.py").namespace["questions"]
    assert all(answer != 3 for _, answer in questions)


@pytest.mark.quotes(
    "When what you want can be checked by a program, a rule-based judge is the cheap option: a function that reads a reply and says yes or no.",
    "For this track's format, a regular expression is enough:",
)
def test_prints_each_verdict(runner):
    run = runner.run(SNIPPET)
    lines = run.stdout.splitlines()
    assert len(lines) == 6
    assert [line.split()[0] for line in lines] == ["True", "False", "False", "False", "False", "True"]
