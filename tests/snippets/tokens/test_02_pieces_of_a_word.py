"""Claims about snippets/tokens/02_pieces_of_a_word.py."""

import pytest

SNIPPET = "tokens/02_pieces_of_a_word.py"


def _pieces(ns):
    tokenizer = ns["tokenizer"]
    return {word: [tokenizer.decode(i) for i in tokenizer.encode(word)] for word in ns["words"]}


@pytest.mark.quotes(
    "A word is one token only if the vocabulary has it.",
    "Anything else is spelt with smaller pieces\nthat the vocabulary does have:",
)
def test_prints_each_word_with_its_ids_and_pieces(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tokenizer = ns["tokenizer"]
    expected = ""
    for word in ns["words"]:
        ids = tokenizer.encode(word)
        expected += f"{word!r:<15} {ids}\n{'':<15} {[tokenizer.decode(i) for i in ids]}\n"
        assert "".join(tokenizer.decode(i) for i in ids) == word
    assert run.stdout == expected


@pytest.mark.quotes(
    "`'Paris'` and `' Paris'` are both single tokens, with different ids:",
    "Lowercase and capitals\nbreak it into two pieces.",
)
def test_paris_with_and_without_space_and_case(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer = ns["tokenizer"]
    plain, spaced = tokenizer.encode("Paris"), tokenizer.encode(" Paris")
    assert len(plain) == len(spaced) == 1 and plain != spaced
    pieces = _pieces(ns)
    assert len(pieces[" paris"]) == len(pieces[" PARIS"]) == 2


@pytest.mark.quotes(
    "Longer or rarer words are split into subwords: `' token'` and\n`'ization'`, three pieces for `' unbelievably'`, four for the model's own name.",
    "Numbers go digit\nby digit, after a space that is a token of its own.",
)
def test_longer_words_and_numbers_split(runner):
    pieces = _pieces(runner.run(SNIPPET).namespace)
    assert pieces[" tokenization"] == [" token", "ization"]
    assert len(pieces[" unbelievably"]) == 3
    assert len(pieces[" SmolLM2"]) == 4
    assert pieces[" 2026"] == [" ", "2", "0", "2", "6"]
