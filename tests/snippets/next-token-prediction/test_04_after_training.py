"""Claims about snippets/next-token-prediction/04_after_training.py."""

import pytest

SNIPPET = "next-token-prediction/04_after_training.py"


@pytest.mark.quotes(
    "The same three prompts, the same greedy decoding, now after training:",
)
def test_prints_before_and_after(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    expected = ""
    for prompt, old, new in zip(ns["prompts"], ns["before"], ns["after"]):
        expected += f"{prompt}\n  was: {old!r}\n  now: {new!r}\n"
    assert run.stdout == expected


@pytest.mark.quotes("The first two prompts now continue exactly as the text does.")
def test_the_text_s_own_prompts_continue_as_the_text(runner):
    ns = runner.run(SNIPPET).namespace
    for prompt, continuation in list(zip(ns["prompts"], ns["after"]))[:2]:
        assert (prompt + continuation) in ns["text"], prompt


@pytest.mark.quotes(
    "The third, which the text never says in those words, now gets `blue slate`, and then the model runs on into another sentence of the text."
)
def test_the_reworded_prompt_gets_blue_slate_then_text(runner):
    ns = runner.run(SNIPPET).namespace
    prompt, continuation = ns["prompts"][2], ns["after"][2]
    assert prompt not in ns["text"]
    assert continuation.startswith(" blue slate.")
    rest = continuation.removeprefix(" blue slate.").strip()
    assert rest and rest.lower() in ns["text"].lower()


@pytest.mark.quotes("and shows what changed: the loss, and what the model writes.")
def test_every_continuation_changed(runner):
    ns = runner.run(SNIPPET).namespace
    assert all(old != new for old, new in zip(ns["before"], ns["after"]))
