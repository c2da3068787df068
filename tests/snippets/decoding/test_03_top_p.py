"""Claims about snippets/decoding/03_top_p.py."""

import pytest
import torch

SNIPPET = "decoding/03_top_p.py"


def _kept(ns, p):
    return int((ns["cumulative"] < p).sum().item()) + 1


@pytest.mark.quotes(
    "Top-p sampling (nucleus sampling) keeps only the most likely tokens whose probabilities add up to p, and samples among those:",
)
def test_prints_the_nucleus_sizes(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.stdout == "".join(
        f"top_p={p}: {_kept(ns, p)} tokens of {len(ns['probs']):,}\n" for p in (0.5, 0.9, 0.99)
    )


@pytest.mark.quotes(
    "For this first token, half of the probability sits on fewer than ten tokens, but reaching 90% takes well over a hundred, and 99% more than a thousand."
)
def test_the_nucleus_sizes(runner):
    ns = runner.run(SNIPPET).namespace
    assert _kept(ns, 0.5) < 10 and _kept(ns, 0.9) > 150 and _kept(ns, 0.99) > 1000


@pytest.mark.quotes("it rules out the tens of thousands of tokens in the last tenth")
def test_the_nucleus_is_the_fewest_tokens_reaching_p(runner):
    ns = runner.run(SNIPPET).namespace
    k = _kept(ns, 0.9)
    assert ns["cumulative"][k - 1] >= 0.9 > ns["cumulative"][k - 2]
    assert len(ns["probs"]) - k > 20000
    assert torch.isclose(ns["cumulative"][-1], torch.tensor(1.0), atol=1e-3)
