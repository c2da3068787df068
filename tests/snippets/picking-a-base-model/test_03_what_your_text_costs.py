"""Claims about snippets/picking-a-base-model/03_what_your_text_costs.py."""

import pytest

SNIPPET = "picking-a-base-model/03_what_your_text_costs.py"


def _tokens(ns) -> dict[str, int]:
    return {name: len(ns["tokenizer"](text)["input_ids"]) for name, text in ns["texts"].items()}


@pytest.mark.quotes("Here is the same short sentence in three languages, a line of Python and a JSON record:")
def test_prints_exactly_one_row_per_text(runner):
    run = runner.run(SNIPPET)
    tokens = _tokens(run.namespace)
    expected = f"{'text':<8} {'characters':>10} {'tokens':>6} {'chars/token':>11}\n"
    for name, text in run.namespace["texts"].items():
        expected += f"{name:<8} {len(text):>10} {tokens[name]:>6} {len(text) / tokens[name]:>11.2f}\n"
    assert run.stdout == expected


@pytest.mark.quotes("The same sentence costs more tokens in French and several times as many in Greek.")
def test_the_same_sentence_costs_more_in_french_and_several_times_more_in_greek(runner):
    """The page: the same sentence costs more tokens in French than in English, and several
    times as many in Greek."""
    tokens = _tokens(runner.run(SNIPPET).namespace)
    assert tokens["French"] > tokens["English"]
    assert tokens["Greek"] >= 3 * tokens["English"]


@pytest.mark.quotes(
    "Code costs more tokens per character than English prose, and JSON, all quotes, braces and digits, more than Python."
)
def test_code_costs_more_tokens_per_character_than_english(runner):
    """The page: code — Python and JSON — costs more tokens per character than English prose,
    and JSON the most of the two."""
    ns = runner.run(SNIPPET).namespace
    tokens = _tokens(ns)
    per_char = {name: tokens[name] / len(text) for name, text in ns["texts"].items()}
    assert per_char["Python"] > per_char["English"]
    assert per_char["JSON"] > per_char["Python"]


@pytest.mark.quotes("English packs best: the most characters per token.")
def test_english_is_the_cheapest_text_per_character(runner):
    """The page: English prose is what this tokenizer packs best."""
    ns = runner.run(SNIPPET).namespace
    tokens = _tokens(ns)
    per_char = {name: tokens[name] / len(text) for name, text in ns["texts"].items()}
    assert min(per_char, key=per_char.get) == "English"


@pytest.mark.quotes("Here is the same short sentence in three languages, a line of Python and a JSON record:")
def test_the_sentences_say_the_same_thing_at_similar_length(runner):
    """The language comparison is fair only if the sentences are of comparable length."""
    texts = runner.run(SNIPPET).namespace["texts"]
    lengths = [len(texts[name]) for name in ("English", "French", "Greek")]
    assert max(lengths) <= 1.2 * min(lengths)
