"""Claims about snippets/inside-a-forward-pass/04_decoder_layer.py."""

import pytest

SNIPPET = "inside-a-forward-pass/04_decoder_layer.py"


def _shapes(ns):
    return {name.removesuffix(".weight"): tuple(p.shape) for name, p in ns["layer"].named_parameters()}


@pytest.mark.quotes("Every decoder layer has the same weights in the same shapes; here is the first one:")
def test_prints_each_weight_and_both_counts(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    expected = "".join(f"{name:<24} {shape}\n" for name, shape in _shapes(ns).items())
    expected += f"from the config: {ns['per_layer']:,}\nin the tensors:  {ns['in_tensors']:,}\n"
    assert run.stdout == expected
    shapes = [_shapes({"layer": layer}) for layer in ns["model"].model.layers]
    assert all(s == shapes[0] for s in shapes)


@pytest.mark.quotes(
    "The layer has two parts, each after a norm of\nh numbers.",
    "Attention (`self_attn`) is where tokens exchange information: `q_proj` and `o_proj`\nmap h to h, while `k_proj` and `v_proj` map h to only 192 numbers, three key/value heads of 64,\nbecause SmolLM2 shares each key/value head between several attention heads.",
    "The MLP (`mlp`) works\non each token alone: `gate_proj` and `up_proj` widen h to m, `down_proj` brings it back to h.",
)
def test_the_shapes_of_attention_and_mlp(runner):
    ns = runner.run(SNIPPET).namespace
    h, m, kv = ns["h"], ns["m"], ns["kv"]
    shapes = _shapes(ns)
    assert shapes["input_layernorm"] == shapes["post_attention_layernorm"] == (h,)
    assert shapes["self_attn.q_proj"] == shapes["self_attn.o_proj"] == (h, h)
    assert shapes["self_attn.k_proj"] == shapes["self_attn.v_proj"] == (kv, h)
    assert kv == 192 == 3 * 64 and ns["kv_heads"] == 3 < ns["heads"]
    assert shapes["mlp.gate_proj"] == shapes["mlp.up_proj"] == (m, h)
    assert shapes["mlp.down_proj"] == (h, m)


@pytest.mark.quotes(
    "Add those shapes up and you get the layer's parameter count from the config alone, and it\nmatches the tensors.",
)
def test_the_count_from_the_config_matches(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["per_layer"] == ns["in_tensors"]
