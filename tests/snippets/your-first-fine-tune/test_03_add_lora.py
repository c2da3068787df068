"""Claims about snippets/your-first-fine-tune/03_add_lora.py."""

SNIPPET = "your-first-fine-tune/03_add_lora.py"


def test_the_trainable_count_is_the_models_own(runner):
    run = runner.run(SNIPPET)
    model = run.namespace["model"]
    trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
    total = sum(p.numel() for p in model.parameters())
    assert run.namespace["trainable"] == trainable and run.namespace["total"] == total
    assert f"Trainable parameters: {trainable:,}\n" in run.stdout
    assert f"All parameters: {total:,}\n" in run.stdout
    assert f"Trainable share: {trainable / total:.2%}\n" in run.stdout


def test_only_the_lora_matrices_train_and_they_are_r_times_in_plus_out(runner):
    """The page: each adapted layer gets A (r × in) and B (out × r); the rest is frozen."""
    ns = runner.run(SNIPPET).namespace
    model, r = ns["model"], ns["config"].r
    trainable_names = [name for name, p in model.named_parameters() if p.requires_grad]
    assert trainable_names and all(".lora_A." in n or ".lora_B." in n for n in trainable_names)
    adapted = [m for _, m in model.named_modules() if hasattr(m, "lora_A")]
    expected = sum(r * (m.in_features + m.out_features) for m in adapted)
    assert ns["trainable"] == expected


def test_lora_goes_on_every_linear_layer_of_every_block_but_not_the_output(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["adapted"] == ["down_proj", "gate_proj", "k_proj", "o_proj", "q_proj", "up_proj", "v_proj"]
    assert "LoRA on: " + ", ".join(ns["adapted"]) + "\n" in runner.run(SNIPPET).stdout
    assert not hasattr(ns["model"].get_base_model().lm_head, "lora_A")


def test_the_share_is_a_few_thousandths(runner):
    ns = runner.run(SNIPPET).namespace
    assert 0.001 < ns["trainable"] / ns["total"] < 0.01
