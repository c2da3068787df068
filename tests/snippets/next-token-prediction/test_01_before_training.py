"""Claims about snippets/next-token-prediction/01_before_training.py."""

import pytest

SNIPPET = "next-token-prediction/01_before_training.py"


@pytest.mark.quotes(
    "Here is a short text written for this lesson, about an island that doesn't exist, and what the model writes after three prompts before any training:",
)
def test_prints_the_token_count_and_each_continuation(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    expected = f"Training text: {ns['ids'].shape[1]} tokens\n"
    for prompt, continuation in zip(ns["prompts"], ns["before"]):
        expected += f"{prompt}\n  -> {continuation!r}\n"
    assert run.stdout == expected


@pytest.mark.quotes("The model continues each prompt fluently, and none of its continuations is what the text says.")
def test_no_continuation_is_what_the_text_says(runner):
    ns = runner.run(SNIPPET).namespace
    text = ns["text"]
    for prompt, continuation in zip(ns["prompts"], ns["before"]):
        assert continuation.strip(), prompt
        assert continuation.strip() not in text, prompt
    assert "slate" not in ns["before"][2]


@pytest.mark.quotes(
    "The first two prompts are the text's own words; the third asks about the export in other words, which will matter after training."
)
def test_two_prompts_are_in_the_text_and_one_is_not(runner):
    ns = runner.run(SNIPPET).namespace
    first, second, third = ns["prompts"]
    assert first in ns["text"] and second in ns["text"]
    assert third not in ns["text"] and "export" in third


@pytest.mark.quotes("Pretraining data is plain text: no questions and answers, no roles, no chat template.")
def test_the_training_ids_are_the_raw_text(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer = ns["tokenizer"]
    assert tokenizer.decode(ns["ids"][0]) == ns["text"]
    specials = set(tokenizer.all_special_ids)
    assert not specials & set(ns["ids"][0].tolist())
