"""Claims about snippets/next-token-prediction/02_one_step.py."""

import pytest

SNIPPET = "next-token-prediction/02_one_step.py"


@pytest.mark.quotes(
    "One training step is three calls.",
)
def test_prints_the_step(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert run.stdout == (
        f"Loss: {ns['loss'].item():.4f}\n"
        f"Weight:   {tuple(ns['weight'].shape)}\n"
        f"Gradient: {tuple(ns['gradient'].shape)}\n"
        f"Largest change in that weight: {ns['change']:.6f}\n"
        f"Loss after one step: {ns['after'].item():.4f}\n"
    )


@pytest.mark.quotes("The gradient has exactly the shape of its weight: one number for every number in the weight.")
def test_every_trainable_weight_got_a_gradient_of_its_shape(runner):
    ns = runner.run(SNIPPET).namespace
    assert tuple(ns["gradient"].shape) == tuple(ns["weight"].shape)
    assert ns["gradient"].abs().sum() > 0


@pytest.mark.quotes(
    "on its first step AdamW moves every weight by about the learning rate, up or down as its gradient says, and the largest change printed is about `3e-4`."
)
def test_the_first_step_moves_weights_by_about_the_learning_rate(runner):
    ns = runner.run(SNIPPET).namespace
    lr = ns["optimizer"].param_groups[0]["lr"]
    assert lr == 3e-4
    assert 0.9 * lr < ns["change"] < 1.1 * lr


@pytest.mark.quotes("One step is enough for the loss on the same text to fall.")
def test_one_step_lowers_the_loss(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["after"].item() < ns["loss"].item()


@pytest.mark.quotes("This block freezes all but the last four decoder layers (`requires_grad = False`)")
def test_only_the_last_four_layers_train(runner):
    ns = runner.run(SNIPPET).namespace
    model = ns["model"]
    trainable = {name.split(".")[2] for name, p in model.named_parameters() if p.requires_grad}
    layers = len(model.model.layers)
    assert trainable == {str(i) for i in range(layers - 4, layers)}
    assert all(name.startswith("model.layers.") for name, p in model.named_parameters() if p.requires_grad)
