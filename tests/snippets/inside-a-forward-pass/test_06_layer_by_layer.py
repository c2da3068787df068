"""Claims about snippets/inside-a-forward-pass/06_layer_by_layer.py."""

import pytest

SNIPPET = "inside-a-forward-pass/06_layer_by_layer.py"


def _rows(run):
    rows = {}
    for line in run.stdout.splitlines():
        head, paris = line.rsplit(" Paris ", 1)
        layer, best = head.split(":", 1)
        rows[int(layer.split()[1])] = (best.strip(), float(paris))
    return rows


@pytest.mark.quotes(
    "The hidden states between the layers were not trained to be read, but you can try: put one\nthrough the final norm and the LM head, as if the model ended there.",
)
def test_prints_seven_depths_and_the_last_is_the_models_own(runner):
    run = runner.run(SNIPPET)
    rows = _rows(run)
    assert list(rows) == [0, 10, 20, 27, 28, 29, 30]
    ns = run.namespace
    last_probs = ns["outputs"].logits[0, -1].softmax(-1)
    assert abs(rows[30][1] - float(last_probs[ns["paris"]])) < 1e-4


@pytest.mark.quotes(
    "Read this way, the hidden states up to layer 20 give `' Paris'` almost no probability, and their\nbest guesses are other tokens.",
    "`' Paris'` gains only in the last few layers, and becomes the\nfavourite only after the last one.",
)
def test_paris_appears_only_at_the_end(runner):
    rows = _rows(runner.run(SNIPPET))
    for layer in (0, 10, 20):
        assert rows[layer][1] < 0.001 and rows[layer][0] != "' Paris'"
    probs = [rows[layer][1] for layer in (27, 28, 29, 30)]
    assert probs == sorted(probs)
    assert rows[29][0] != "' Paris'" and rows[30][0] == "' Paris'"
