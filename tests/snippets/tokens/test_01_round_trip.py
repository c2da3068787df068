"""Claims about snippets/tokens/01_round_trip.py."""

import pytest

SNIPPET = "tokens/01_round_trip.py"


@pytest.mark.quotes("`encode` turns text into ids, `decode` turns ids back into text:")
def test_prints_ids_tokens_and_the_round_trip(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tokenizer, ids, text = ns["tokenizer"], ns["ids"], ns["text"]
    assert run.stdout == (
        f"ids:    {ids}\ntokens: {tokenizer.convert_ids_to_tokens(ids)}\ndecoded: {text!r}\nround trip: True\n"
    )


@pytest.mark.quotes(
    "The `Ġ` is how this\ntokenizer writes a space: `Ġchanges` is the word with the space in front of it, one token.",
    "A\nword at the start of the text has no space, so `Fine` has none.",
    "The hyphen and the full stop\nare tokens of their own.",
)
def test_spaces_belong_to_the_token_after_them(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer, ids = ns["tokenizer"], ns["ids"]
    tokens = tokenizer.convert_ids_to_tokens(ids)
    assert tokens[0] == "Fine"
    assert "Ġchanges" in tokens and tokenizer.decode(tokenizer.convert_tokens_to_ids("Ġchanges")) == " changes"
    assert "-" in tokens and tokens[-1] == "."


@pytest.mark.quotes(
    "Decoding puts the pieces back together, and the text comes back exactly.",
    "Notice also what is\nnot there: the tokenizer added nothing of its own in front of the text, so the first id is the\nfirst word.",
)
def test_the_text_comes_back_and_nothing_is_added(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer, ids, text = ns["tokenizer"], ns["ids"], ns["text"]
    assert ns["back"] == text
    assert not set(ids) & set(tokenizer.all_special_ids)
    assert tokenizer.decode(ids[0]) == text.split("-")[0]
