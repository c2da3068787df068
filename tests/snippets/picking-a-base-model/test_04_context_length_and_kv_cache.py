"""Claims about snippets/picking-a-base-model/04_context_length_and_kv_cache.py."""

import pytest

SNIPPET = "picking-a-base-model/04_context_length_and_kv_cache.py"


@pytest.mark.quotes("The config says how long a sequence the model was built for — prompt and answer together:")
def test_prints_exactly_the_config_and_the_cache_sizes(runner):
    run = runner.run(SNIPPET)
    config, per_token = run.namespace["config"], run.namespace["per_token"]
    expected = (
        f"Context length: {config.max_position_embeddings:,} tokens\n"
        f"Layers: {config.num_hidden_layers}\n"
        f"Attention heads: {config.num_attention_heads}, KV heads: {config.num_key_value_heads}\n"
        f"Head size: {config.head_dim}\n"
        f"KV cache, bfloat16: {per_token:,} bytes/token\n"
    )
    for length in (1024, 2048, 4096, config.max_position_embeddings):
        expected += f"  {length:>6,} tokens: {length * per_token / 2**20:6.1f} MiB\n"
    assert run.stdout == expected


@pytest.mark.quotes(
    "Per token that is 2 × layers × KV heads × head size × bytes per value, which the block computes from the config."
)
def test_per_token_bytes_follow_the_formula_with_two_bytes_for_bfloat16(runner):
    """The page: 2 (a key and a value) × layers × KV heads × head size × bytes per value."""
    import torch

    ns = runner.run(SNIPPET).namespace
    config = ns["config"]
    assert ns["bytes_per_value"] == torch.empty(0, dtype=torch.bfloat16).element_size()
    assert ns["per_token"] == 2 * config.num_hidden_layers * config.num_key_value_heads * config.head_dim * 2


@pytest.mark.quotes("The cache grows linearly: double the tokens and you double the cache.")
def test_the_cache_grows_linearly_with_sequence_length(runner):
    """The page: double the tokens, double the cache; the last row is the full context window."""
    run = runner.run(SNIPPET)
    rows = [line for line in run.stdout.splitlines() if " tokens: " in line]
    lengths = [int(row.split("tokens")[0].replace(",", "")) for row in rows]
    mib = [float(row.split(":")[1].split()[0]) for row in rows]
    for length, size in zip(lengths, mib):  # to the printed 0.1 MiB
        assert abs(size / length - mib[0] / lengths[0]) * length <= 0.1
    assert lengths[-1] == run.namespace["config"].max_position_embeddings > lengths[-2]


@pytest.mark.quotes(
    "SmolLM2 has fewer KV heads than attention heads: several attention heads share one key and value head, which makes its cache that many times smaller."
)
def test_fewer_kv_heads_than_attention_heads(runner):
    """The page: SmolLM2 shares each key/value head between several attention heads, which
    makes its cache that many times smaller."""
    config = runner.run(SNIPPET).namespace["config"]
    assert config.num_key_value_heads < config.num_attention_heads
    assert config.num_attention_heads % config.num_key_value_heads == 0


@pytest.mark.quotes(
    "Per token that is 2 × layers × KV heads × head size × bytes per value, which the block computes from the config."
)
def test_head_size_is_the_hidden_size_split_over_the_attention_heads(runner):
    config = runner.run(SNIPPET).namespace["config"]
    assert config.head_dim * config.num_attention_heads == config.hidden_size


@pytest.mark.quotes(
    "Compare the last row with the weights in the next section: a batch of two sequences at full context already holds more cache than the model has weights in bfloat16."
)
def test_two_full_context_sequences_outweigh_the_bfloat16_weights(runner):
    """The page: a batch of two sequences at full context holds more cache than the model has
    weights in bfloat16 (the count printed in the next section)."""
    ns = runner.run(SNIPPET).namespace
    parameters = runner.run("picking-a-base-model/05_parameters_and_dtypes.py").namespace["parameters"]
    full_context = ns["config"].max_position_embeddings * ns["per_token"]
    assert 2 * full_context > parameters * 2
