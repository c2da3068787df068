"""Claims about snippets/loss-and-perplexity/05_perplexity.py."""

import math

import pytest

SNIPPET = "loss-and-perplexity/05_perplexity.py"


def _losses(ns):
    model, tokenizer = ns["model"], ns["tokenizer"]
    out = []
    for sentence in (ns["text"], ns["shuffled"]):
        ids = tokenizer(sentence, return_tensors="pt")["input_ids"]
        out.append(model(input_ids=ids, labels=ids).loss.item())
    return out


@pytest.mark.quotes(
    "Its exponential is easier: perplexity, e raised to the loss.",
)
def test_prints_loss_and_perplexity_of_each(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    expected = ""
    for sentence, loss in zip((ns["text"], ns["shuffled"]), _losses(ns)):
        expected += f"{sentence}\n  loss {loss:.3f}  perplexity {math.exp(loss):.1f}\n"
    assert run.stdout == expected


@pytest.mark.quotes("The same words in a scrambled order have a perplexity more than a thousand times higher.")
def test_scrambled_is_a_thousand_times_more_perplexing(runner):
    ns = runner.run(SNIPPET).namespace

    def words(sentence):
        return sorted(sentence.rstrip(".").lower().split())

    assert words(ns["shuffled"]) == words(ns["text"]) and ns["shuffled"] != ns["text"]
    loss, scrambled = _losses(ns)
    assert math.exp(scrambled) / math.exp(loss) > 1000


@pytest.mark.quotes("A loss of 2.57 is hard to picture.")
def test_the_sentence_loss_is_2_57(runner):
    loss, _ = _losses(runner.run(SNIPPET).namespace)
    assert f"{loss:.2f}" == "2.57"
