"""Claims about snippets/what-a-model-returns/02_logits.py."""

import pytest

SNIPPET = "what-a-model-returns/02_logits.py"


def _guesses(ns):
    tokenizer, logits = ns["tokenizer"], ns["logits"]
    return [tokenizer.decode(row.argmax().item()) for row in logits[0]]


@pytest.mark.quotes(
    "Each row is the model's guess at what comes after the tokens up to there, and the loop prints\nthe token with the highest score in each.",
)
def test_prints_the_shape_each_best_guess_and_the_last_row_range(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tokenizer, logits, ids, last = ns["tokenizer"], ns["logits"], ns["ids"], ns["last"]
    expected = f"logits shape: {tuple(logits.shape)}\n"
    for token_id, guess in zip(ids, _guesses(ns)):
        expected += f"after {tokenizer.decode(token_id)!r:<10} best {guess!r}\n"
    expected += f"last row: min {last.min():.2f}, max {last.max():.2f}\n"
    assert run.stdout == expected


@pytest.mark.quotes(
    "The last number is the size of the model's\n[vocabulary](../picking-a-base-model/index.md#vocabulary): one score for every token it knows.",
    "The middle number is the length of the prompt: the model returns such a row after every input\ntoken, not only after the last one.",
    "The first is the batch: one prompt.",
)
def test_the_shape_is_batch_by_positions_by_vocabulary(runner):
    ns = runner.run(SNIPPET).namespace
    model, logits = ns["model"], ns["logits"]
    assert tuple(logits.shape) == (1, len(ns["ids"]), model.config.vocab_size)
    assert model.config.vocab_size == len(ns["tokenizer"])


@pytest.mark.quotes(
    "After `' capital'` it expects `' of'`, after\n`' France'` it expects `' is'`, and after the whole prompt, `' Paris'`.",
    "After `'The'` alone, with\nnothing to go on, its best guess is a hyphen.",
)
def test_the_best_guess_after_each_token(runner):
    guesses = _guesses(runner.run(SNIPPET).namespace)
    assert guesses[0] == "-"
    assert guesses[1] == " of"
    assert guesses[3] == " is"
    assert guesses[4] == " Paris"


@pytest.mark.quotes(
    "The scores themselves are not probabilities: the last row has negative and positive scores with\nno fixed range.",
)
def test_the_last_row_has_negative_and_positive_scores(runner):
    last = runner.run(SNIPPET).namespace["last"]
    assert last.min() < 0 < last.max()
    assert abs(float(last.sum()) - 1) > 1, "not a probability distribution"
