"""Claims about snippets/measuring-a-fine-tune/06_what_else_changed.py."""

import pytest

SNIPPET = "measuring-a-fine-tune/06_what_else_changed.py"


@pytest.mark.quotes("The same questions go to the model before (adapter off) and after (adapter on):")
def test_prints_each_answer_before_and_after(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    questions, before, after = ns["questions"], ns["before"], ns["after"]
    assert len(questions) == 6
    lines = []
    for (q, _), b, a in zip(questions, before, after):
        lines += [q, f"  before: {b!r}", f"  after:  {a!r}"]

    def right(replies):
        return sum(ans in r.lower() for (_, ans), r in zip(questions, replies))

    lines += [f"Right before: {right(before)}/6", f"Right after: {right(after)}/6"]
    assert run.stdout == "\n".join(lines) + "\n"


@pytest.mark.quotes(
    "All six are still right after the fine-tune, and none of the answers is a label: the trained format did not leak into questions about something else.",
    "Some are worded differently, and shorter, although the fine-tune never saw a question like these:",
)
def test_still_right_but_some_answers_changed(runner):
    ns = runner.run(SNIPPET).namespace
    questions, before, after = ns["questions"], ns["before"], ns["after"]
    assert all(ans in b.lower() and ans in a.lower() for (_, ans), b, a in zip(questions, before, after))
    assert not any("LABEL" in a for a in after)
    changed = [(b, a) for b, a in zip(before, after) if a != b]
    assert 0 < len(changed) < len(questions)
    assert all(len(a) < len(b) for b, a in changed)
