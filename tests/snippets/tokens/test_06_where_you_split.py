"""Claims about snippets/tokens/06_where_you_split.py."""

import pytest

SNIPPET = "tokens/06_where_you_split.py"


@pytest.mark.quotes(
    "Tokenize the two separately and join the ids,\nand you may not get the ids of the whole text:",
)
def test_prints_both_forms_and_the_checks(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tokenizer = ns["tokenizer"]
    assert run.stdout == (
        f"together: {tokenizer.convert_ids_to_tokens(ns['together'])}\n"
        f"apart:    {tokenizer.convert_ids_to_tokens(ns['apart'])}\n"
        "same ids: False\n"
        "same text: True\n"
        "re-encoded: True\n"
    )


@pytest.mark.quotes(
    "Encoded together, the space goes with the word, as usual: `Ġpositive`.",
    "Encoded apart, the\nprompt's trailing space becomes a token of its own and the reply starts with `positive`, no\nspace: a different id.",
    "Both lists decode to the same text, and that text encodes as the\ntogether form.",
    "Text round-trips; ids don't.",
)
def test_the_trailing_space_is_split_off_apart(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer, together, apart = ns["tokenizer"], ns["together"], ns["apart"]
    assert tokenizer.convert_ids_to_tokens(together)[-1] == "Ġpositive"
    assert tokenizer.convert_ids_to_tokens(apart)[-2:] == ["Ġ", "positive"]
    assert together != apart
    assert tokenizer.decode(apart) == tokenizer.decode(together) == ns["prompt"] + ns["reply"]
    assert tokenizer.encode(ns["text"]) == together
