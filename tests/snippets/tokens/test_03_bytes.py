"""Claims about snippets/tokens/03_bytes.py."""

import pytest

SNIPPET = "tokens/03_bytes.py"


@pytest.mark.quotes("This tokenizer works on the bytes of the text, not on its characters:")
def test_prints_each_token_and_the_whole(runner):
    run = runner.run(SNIPPET)
    tokenizer = run.namespace["tokenizer"]
    expected = ""
    for text in ["café", "🤗"]:
        ids = tokenizer.encode(text)
        expected += f"{text}: {len(text)} character(s), ids {ids}\n"
        expected += "".join(f"  {i:>6} decodes to {tokenizer.decode(i)!r}\n" for i in ids)
        expected += f"  all together: {tokenizer.decode(ids)!r}\n"
    expected += "unknown token used: False\n"
    assert run.stdout == expected


@pytest.mark.quotes(
    "The `é` of `café` has a token of its own.",
    "The emoji is one character and three tokens, and none\nof the three is a character by itself: each decodes to `'�'`, the replacement character, and only\nthe three together decode to the emoji.",
)
def test_the_emoji_is_three_tokens_none_a_character(runner):
    tokenizer = runner.run(SNIPPET).namespace["tokenizer"]
    assert tokenizer.decode(tokenizer.encode("café")[-1]) == "é"
    ids = tokenizer.encode("🤗")
    assert len("🤗") == 1 and len(ids) == 3
    assert len(ids) < len("🤗".encode()), "pieces of its bytes"
    assert all(tokenizer.decode(i) == "\ufffd" for i in ids)
    assert tokenizer.decode(ids) == "🤗"


@pytest.mark.quotes(
    "Because every text is made of bytes, any text can be\nencoded, and the unknown token isn't used for either string.",
)
def test_the_unknown_token_is_not_used(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer = ns["tokenizer"]
    assert ns["unknown"] is not None
    for text in ["café", "🤗"]:
        assert ns["unknown"] not in tokenizer.encode(text)
