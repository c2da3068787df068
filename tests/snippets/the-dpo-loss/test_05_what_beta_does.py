"""Claims about snippets/the-dpo-loss/05_what_beta_does.py."""

import math

import pytest

SNIPPET = "the-dpo-loss/05_what_beta_does.py"


@pytest.mark.quotes(
    "Every curve passes through ln 2 at a margin of zero: that is step 1, whatever `beta` is.",
)
def test_every_curve_passes_through_ln_2(runner):
    ns = runner.run(SNIPPET).namespace
    for line in ns["ax"].get_lines():
        xs, ys = list(line.get_xdata()), list(line.get_ydata())
        assert math.isclose(ys[xs.index(0)], math.log(2))


@pytest.mark.quotes(
    "With a large `beta` the loss is nearly done after a small move: the tuned model gets little push to go further from the reference.",
    "With a small `beta` the loss keeps pushing until the chosen reply has moved far more than the rejected one.",
)
def test_a_larger_beta_is_done_sooner(runner):
    ns = runner.run(SNIPPET).namespace
    loss, betas = ns["dpo_loss"], sorted(ns["betas"])
    done = [-math.log(math.expm1(0.1)) / b for b in betas]
    assert done == sorted(done, reverse=True)
    assert math.isclose(loss(betas[-1], done[-1]), 0.1) and math.isclose(loss(betas[0], done[0]), 0.1)
    assert loss(betas[-1], 20) < 0.01 < loss(betas[0], 20)


@pytest.mark.quotes(
    "The block below draws the loss of one pair against its log-ratio margin, the margin before that multiplication (how much more the chosen reply moved than the rejected one, in log-probability), for three values of `beta`:",
)
def test_the_figure_and_the_table_show_the_same_losses(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert [line.get_label() for line in ns["ax"].get_lines()] == [f"beta = {b}" for b in ns["betas"]]
    for beta in ns["betas"]:
        row = " ".join(f"{ns['dpo_loss'](beta, m):5.2f}" for m in ns["shown"])
        assert f"beta {beta:<5} {row}\n" in run.stdout
    [figure] = run.figures
    assert figure.name == "beta.png"
