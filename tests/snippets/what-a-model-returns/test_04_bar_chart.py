"""Claims about snippets/what-a-model-returns/04_bar_chart.py."""

import pytest

SNIPPET = "what-a-model-returns/04_bar_chart.py"


@pytest.mark.quotes(
    'Those probabilities, one for every token of the vocabulary, are the next-token distribution:\nthe model\'s answer to "what comes next?".',
)
def test_prints_the_top_ten_and_the_rest(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    labels, values = ns["labels"], ns["values"]
    assert len(labels) == len(values) == 10
    expected = "".join(f"{label:<10} {value:.4f}\n" for label, value in zip(labels, values))
    expected += f"{'the rest':<10} {1 - sum(values):.4f}\n"
    assert run.stdout == expected


@pytest.mark.quotes("This is where you would rather look than read:")
def test_the_chart_draws_the_printed_values(runner):
    run = runner.run(SNIPPET)
    ax = run.namespace["ax"]
    heights = [bar.get_height() for bar in ax.patches]
    assert heights == run.namespace["values"]
    assert [tick.get_text() for tick in ax.get_xticklabels()] == run.namespace["labels"]
    [figure] = run.figures
    assert figure.name == "next_token.png"
    assert "probability against candidate next token" in figure.alt


@pytest.mark.quotes(
    "SmolLM2-135M-Instruct is fairly sure here: `' Paris'` takes more than three quarters of the\nprobability.",
    "`' the'` comes second, as in \"the city of Paris\", a wrong city\nfollows, and the ten tokens in the chart leave nearly a tenth of the probability to the tens of\nthousands of tokens not shown.",
)
def test_paris_leads_and_the_rest_is_nearly_a_tenth(runner):
    ns = runner.run(SNIPPET).namespace
    labels, values = ns["labels"], ns["values"]
    assert labels[:3] == ["' Paris'", "' the'", "' London'"]
    assert values[0] > 0.75
    assert 0.08 < 1 - sum(values) < 0.1
    assert len(ns["tokenizer"]) - 10 > 10_000
