"""Claims about snippets/what-a-model-returns/01_text_to_ids.py."""

import pytest

SNIPPET = "what-a-model-returns/01_text_to_ids.py"


@pytest.mark.quotes(
    "Its tokenizer cuts the text into tokens and gives each one an\ninteger id, and those ids are the model's input:",
)
def test_prints_the_ids_and_each_token(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tokenizer, ids = ns["tokenizer"], ns["ids"]
    expected = f"ids: {ids}\n" + "".join(f"{i:>6}  {tokenizer.decode(i)!r}\n" for i in ids)
    assert run.stdout == expected


@pytest.mark.quotes(
    "Here each word became one token, and the space in front of a word belongs to its token:",
    "For now, the prompt is a list of five ids.",
)
def test_each_word_is_one_token_with_its_space(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer, ids, text = ns["tokenizer"], ns["ids"], ns["text"]
    words = text.split()
    assert len(ids) == len(words) == 5
    pieces = [tokenizer.decode(i) for i in ids]
    assert pieces == [words[0]] + [" " + word for word in words[1:]]
    assert "".join(pieces) == text
    assert ns["inputs"]["input_ids"].shape == (1, 5)
