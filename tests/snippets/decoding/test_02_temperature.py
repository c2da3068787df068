"""Claims about snippets/decoding/02_temperature.py."""

import pytest
import torch

SNIPPET = "decoding/02_temperature.py"


@pytest.mark.quotes(
    "Here are the five most likely first tokens of the reply at three temperatures:",
)
def test_prints_the_table(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    lines = [f"T={t}: " + "  ".join(f"{p:.3f}" for p in ns["table"][t]) for t in ns["temperatures"]]
    assert run.stdout == "\n".join(lines) + f"\nTokens: {ns['pieces']}\n"


@pytest.mark.quotes(
    "At temperature 1 the model's own distribution is spread out: its favourite first token, `A`, gets less than a quarter of the probability.",
    "At 0.5 the same token gets more than two thirds, and at 1.5 none of the five gets even a tenth",
)
def test_temperature_sharpens_and_flattens(runner):
    ns = runner.run(SNIPPET).namespace
    table = ns["table"]
    assert ns["pieces"][0] == "A"
    assert table[1.0][0] < 0.25 and table[0.5][0] > 2 / 3 and max(table[1.5]) < 0.1


@pytest.mark.quotes("Temperature never changes which token is the most likely, only by how much.")
def test_the_order_never_changes(runner):
    ns = runner.run(SNIPPET).namespace
    for t in ns["temperatures"]:
        probs = torch.softmax(ns["logits"] / t, dim=-1)
        assert torch.topk(probs, 5).indices.tolist() == ns["top"].tolist()


@pytest.mark.quotes(
    "Here are the five most likely first tokens of the reply at three temperatures:",
)
def test_the_figure_shows_the_table(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    heights = [bar.get_height() for bar in ns["ax"].patches]
    assert heights == [p for t in ns["temperatures"] for p in ns["table"][t]]
    [figure] = run.figures
    assert figure.name == "temperature.png"
