"""Claims about snippets/inside-a-forward-pass/01_the_config.py."""

import pytest

SNIPPET = "inside-a-forward-pass/01_the_config.py"


@pytest.mark.quotes(
    "These are the letters the rest of the page uses: V for the size of the\n[vocabulary](../picking-a-base-model/index.md#vocabulary), h for the hidden size, L for the\nnumber of layers, m for the width of the MLP inside each layer.",
)
def test_prints_the_config_numbers(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    config = ns["config"]
    assert (ns["V"], ns["h"], ns["L"], ns["m"]) == (
        config.vocab_size,
        config.hidden_size,
        config.num_hidden_layers,
        config.intermediate_size,
    )
    values = [line.split()[-1] for line in run.stdout.splitlines()]
    assert values == [
        str(config.vocab_size),
        str(config.hidden_size),
        str(config.num_hidden_layers),
        str(config.intermediate_size),
        str(config.num_attention_heads),
        str(config.num_key_value_heads),
        str(config.hidden_size // config.num_attention_heads),
        str(config.tie_word_embeddings),
    ]


@pytest.mark.quotes("The heads split h into pieces of\n64 numbers each;")
def test_heads_are_64_numbers_each(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["h"] // ns["heads"] == 64
    assert ns["h"] % ns["heads"] == 0
