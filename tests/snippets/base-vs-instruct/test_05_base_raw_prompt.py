"""Claims about snippets/base-vs-instruct/05_base_raw_prompt.py."""

import pytest

SNIPPET = "base-vs-instruct/05_base_raw_prompt.py"


@pytest.mark.quotes(
    'It has no concept of "user" and "assistant," no concept of refusing, and no instinct to stop at the end of an answer.'
)
def test_base_has_no_end_of_turn_instinct(runner, real_base):
    """The lesson: a base model has no concept of turns and no instinct to stop at the end of an answer."""
    ns = runner.run(SNIPPET).namespace
    tokenizer = ns["tokenizer"]
    im_end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    assert im_end not in ns["new_tokens"].tolist()


@pytest.mark.quotes("It is doing exactly what it was trained to do — continue the text plausibly.")
def test_prints_exactly_the_count_and_the_continuation(runner):
    """Holds on any weights, so an extra print is caught even where the real base is absent."""
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.stdout == f"{len(ns['new_tokens'])} new tokens:\n{ns['tokenizer'].decode(ns['new_tokens'])}\n"
