"""Claims about snippets/one-stage-no-reference/02_odds_ratio.py."""

import math

import pytest

SNIPPET = "one-stage-no-reference/02_odds_ratio.py"


@pytest.mark.quotes(
    "Before any training, the first pair's chosen reply is already ahead",
)
def test_prints_the_odds_and_the_term(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    c, r, odds = ns["chosen"], ns["rejected"], ns["odds"]
    assert run.stdout == (
        f"chosen:   mean log-prob {c:.3f}, odds {odds(c):.3f}\n"
        f"rejected: mean log-prob {r:.3f}, odds {odds(r):.3f}\n"
        f"log odds ratio: {ns['log_odds_ratio']:.3f}\nORPO's preference term: {ns['term']:.4f}\n"
    )


@pytest.mark.quotes(
    "Turn that average into a probability p, and its odds are p / (1 − p).",
)
def test_the_term_is_beta_times_minus_log_sigmoid(runner):
    ns = runner.run(SNIPPET).namespace
    x = ns["log_odds_ratio"]
    assert math.isclose(ns["term"], -0.1 * math.log(1 / (1 + math.exp(-x))))
    assert math.isclose(ns["odds"](math.log(0.5)), 1.0)
