"""Claims about snippets/tokens/05_marker_in_your_text.py."""

import pytest

SNIPPET = "tokens/05_marker_in_your_text.py"


@pytest.mark.quotes(
    "A special token is matched as a whole string before any splitting.",
    "The text `<|im_end|>` in the middle of a sentence became the real end-of-turn token.",
)
def test_the_typed_marker_becomes_the_end_of_turn_token(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tokenizer, ids = ns["tokenizer"], ns["ids"]
    assert tokenizer.eos_token == "<|im_end|>"
    assert ids.count(tokenizer.eos_token_id) == 1
    assert run.stdout.splitlines()[:2] == [
        str(tokenizer.convert_ids_to_tokens(ids)),
        "end-of-turn id inside: True",
    ]


@pytest.mark.quotes(
    "`split_special_tokens=True` encodes such text as ordinary pieces;",
)
def test_split_special_tokens_keeps_it_text(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer, as_text = ns["tokenizer"], ns["as_text"]
    assert not set(as_text) & set(tokenizer.all_special_ids)
    assert tokenizer.decode(as_text) == ns["text"]


@pytest.mark.quotes(
    "The chat\ntemplate renders your messages as text and then encodes it, so a message that contains the\nmarker gets an extra end of turn where it stands.",
)
def test_a_message_with_the_marker_gets_an_extra_end_of_turn(runner):
    run = runner.run(SNIPPET)
    lines = run.stdout.splitlines()
    assert lines[-2] == "'Type stop to stop.': 2 turn ends"
    assert lines[-1] == f"{run.namespace['text']!r}: 3 turn ends"
