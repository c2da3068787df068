"""Claims about snippets/base-vs-instruct/01_same_architecture.py."""

import pytest

SNIPPET = "base-vs-instruct/01_same_architecture.py"


@pytest.mark.quotes("Same architecture, same parameter count.")
def test_base_and_instruct_share_architecture_and_parameter_count(runner, real_base):
    """The lesson: 'Same architecture, same parameter count.'"""
    ns = runner.run(SNIPPET).namespace
    base, instruct = ns["base"], ns["instruct"]
    assert type(base) is type(instruct)
    for field in ("num_hidden_layers", "hidden_size", "intermediate_size", "num_attention_heads", "vocab_size"):
        assert getattr(base.config, field) == getattr(instruct.config, field), field
    assert sum(p.numel() for p in base.parameters()) == sum(p.numel() for p in instruct.parameters())


@pytest.mark.quotes(
    "Every example on this page runs against the smallest such pair, SmolLM2-135M and SmolLM2-135M-Instruct, and every output shown was printed by the model named under it, from the weights named there."
)
def test_prints_exactly_one_line_per_model(runner):
    """Holds on any weights, so an extra print is caught even where the real base is absent."""
    run = runner.run(SNIPPET)
    expected = ""
    for name in ("base", "instruct"):
        model = run.namespace[name]
        parameters = sum(p.numel() for p in model.parameters())
        expected += (
            f"{name:<9} {type(model).__name__}  layers={model.config.num_hidden_layers}  "
            f"hidden={model.config.hidden_size}  parameters={parameters:,}\n"
        )
    assert run.stdout == expected
