"""Claims about snippets/loss-and-perplexity/03_per_token_figure.py."""

import statistics

import pytest

SNIPPET = "loss-and-perplexity/03_per_token_figure.py"


@pytest.mark.quotes(
    "The figure shows where the cost of this sentence goes:",
)
def test_prints_the_highest_and_lowest(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    v = ns["values"]
    assert run.stdout == (f"Highest: {ns['pieces'][v.index(max(v))]!r}\nLowest:  {ns['pieces'][v.index(min(v))]!r}\n")


@pytest.mark.quotes(
    "Most of the loss comes from one token: ` capital`, the word after `The`, which could have been almost anything.",
    '` Paris`, after "The capital of France is", is the cheapest token of all.',
)
def test_capital_costs_most_and_paris_least(runner):
    ns = runner.run(SNIPPET).namespace
    v, pieces = ns["values"], ns["pieces"]
    assert pieces[0] == " capital" and ns["tokenizer"].decode(ns["ids"][0, :1]) == "The"
    assert max(v) == v[0] > sum(v) / 2
    assert pieces[v.index(min(v))] == " Paris"


@pytest.mark.quotes("the mean of the six is pulled far up by one hard guess.")
def test_the_mean_is_far_above_the_typical_token(runner):
    v = runner.run(SNIPPET).namespace["values"]
    assert statistics.mean(v) > 2 * statistics.median(v)
    assert statistics.mean(v[1:]) < statistics.mean(v) / 2


@pytest.mark.quotes(
    "The figure shows where the cost of this sentence goes:",
)
def test_the_figure_shows_the_per_token_losses(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    heights = [bar.get_height() for bar in ns["ax"].patches]
    assert heights == ns["values"]
    assert [t.get_text() for t in ns["ax"].get_xticklabels()] == ns["pieces"]
    [figure] = run.figures
    assert figure.name == "per_token_loss.png"
