"""Claims about snippets/decoding/01_greedy.py."""

import pytest

SNIPPET = "decoding/01_greedy.py"


@pytest.mark.quotes(
    "The simplest rule takes the single most likely token at every step.",
    "With `do_sample=False`, `generate` does exactly that:",
)
def test_prints_both_replies(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.stdout == f"{ns['first']!r}\n{ns['second']!r}\nSame reply: {ns['first'] == ns['second']}\n"


@pytest.mark.quotes(
    "Greedy decoding involves no chance at all, so the two replies are identical, and they will be on every run."
)
def test_greedy_gives_the_same_reply_twice(runner):
    """The block's own two calls, read from its run: no third call to the model. "On every run"
    is what the recording holds: each test run compares a fresh reply with it."""
    ns = runner.run(SNIPPET).namespace
    assert ns["first"] == ns["second"]


@pytest.mark.quotes("SmolLM2-135M-Instruct's most likely reply is not a name")
def test_the_greedy_reply_is_not_a_name(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["first"] == "A cat."
