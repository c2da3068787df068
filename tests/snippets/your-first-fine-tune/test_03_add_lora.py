"""Claims about snippets/your-first-fine-tune/03_add_lora.py."""

import pytest

SNIPPET = "your-first-fine-tune/03_add_lora.py"


@pytest.mark.quotes("The trainable share is the fraction of parameters the optimizer will change")
def test_the_trainable_count_is_the_models_own(runner):
    run = runner.run(SNIPPET)
    model = run.namespace["model"]
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    assert run.namespace["trainable"] == trainable and run.namespace["total"] == total
    assert f"Trainable parameters: {trainable:,}\n" in run.stdout
    assert f"All parameters: {total:,}\n" in run.stdout
    assert f"Trainable share: {trainable / total:.2%}\n" in run.stdout
    assert run.stdout.startswith("LoRA on: ")
    assert len(run.stdout.splitlines()) == 8


@pytest.mark.quotes(
    "Beside each chosen linear layer, with its weight matrix W of size out × in, it adds two small matrices: A, of size r × in, and B, of size out × r.",
    "Only A and B train.",
    "Together, the A and B matrices are the adapter, and it is all that training changes.",
)
def test_only_the_lora_matrices_train_and_they_are_r_times_in_plus_out(runner):
    """The page: each adapted layer gets A (r × in) and B (out × r); the rest is frozen."""
    ns = runner.run(SNIPPET).namespace
    model, r = ns["model"], ns["config"].r
    trainable_names = [name for name, p in model.named_parameters() if p.requires_grad]
    assert trainable_names and all(".lora_A." in n or ".lora_B." in n for n in trainable_names)
    adapted = [m for _, m in model.named_modules() if hasattr(m, "lora_A")]
    expected = sum(r * (m.in_features + m.out_features) for m in adapted)
    assert ns["trainable"] == expected


@pytest.mark.quotes(
    '`target_modules="all-linear"` puts LoRA on every linear layer inside the transformer blocks: the attention projections (`q_proj`, `k_proj`, `v_proj`, `o_proj`) and the feed-forward ones (`gate_proj`, `up_proj`, `down_proj`), but not the output layer.'
)
def test_lora_goes_on_every_linear_layer_of_every_block_but_not_the_output(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["adapted"] == ["down_proj", "gate_proj", "k_proj", "o_proj", "q_proj", "up_proj", "v_proj"]
    assert "LoRA on: " + ", ".join(ns["adapted"]) + "\n" in runner.run(SNIPPET).stdout
    assert not hasattr(ns["model"].get_base_model().lm_head, "lora_A")


@pytest.mark.quotes("With `r=2` the two matrices add very little:", "a few thousandths of the parameters")
def test_the_share_is_a_few_thousandths(runner):
    ns = runner.run(SNIPPET).namespace
    assert 0.001 < ns["trainable"] / ns["total"] < 0.01


@pytest.mark.quotes(
    "B starts at zero, so before the first step the model computes exactly what the model you loaded computed.",
    "every B matrix is zero, and the model's logits (its scores for every possible next token) for a held-out prompt are exactly what they were before LoRA was added.",
)
def test_b_starts_at_zero_so_the_model_computes_what_it_computed_before(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert ns["b_zero"] is True and "Every B is zero: True\n" in run.stdout
    assert "Same logits as before: True\n" in run.stdout
    assert ns["logits_before"].shape == ns["logits_after"].shape


@pytest.mark.quotes(
    "`lora_alpha` sets how strongly B·A counts: the factor alpha / r, here 4 / 2 = 2, scales what the adapter adds to each layer's output."
)
def test_alpha_over_r_is_the_scale_the_page_names(runner):
    ns = runner.run(SNIPPET).namespace
    config = ns["config"]
    assert (config.lora_alpha, config.r, config.lora_alpha / config.r) == (4, 2, 2)
    layer = next(m for _, m in ns["model"].named_modules() if hasattr(m, "lora_A"))
    assert layer.scaling["default"] == 2


@pytest.mark.quotes(
    "Not because it wouldn't fit: 2.00 GiB is the same figure as there.",
    "Gradients and Adam's two running averages are kept only for the trained parameters, so the last line's LoRA figure is about a quarter of the full one.",
)
def test_the_training_memory_lines_and_the_quarter(runner):
    """The page: a full fine-tune's 2.00 GiB is lesson 1.2's figure; LoRA's is about a quarter."""
    run = runner.run(SNIPPET)
    ns = run.namespace
    own = ns["total"] - ns["trainable"]
    assert ns["full_bytes"] == 16 * own and ns["lora_bytes"] == 4 * ns["total"] + 12 * ns["trainable"]
    assert run.stdout.endswith(
        f"Weights, gradients, Adam's state:\n"
        f"  LoRA {ns['lora_bytes'] / 2**30:.2f} GiB, full {ns['full_bytes'] / 2**30:.2f} GiB\n"
    )
    memory = runner.run("picking-a-base-model/06_fine_tuning_memory.py")
    assert memory.namespace["parameters"] == own
    assert f"{ns['full_bytes'] / 2**30:.2f} GiB" in memory.stdout, "the same figure as lesson 1.2's"
    assert 0.2 < ns["lora_bytes"] / ns["full_bytes"] < 0.3, "about a quarter"
