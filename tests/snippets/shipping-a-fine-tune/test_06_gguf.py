"""Claims about snippets/shipping-a-fine-tune/06_gguf.py."""

from pathlib import Path

import pytest

SNIPPET = "shipping-a-fine-tune/06_gguf.py"


def _file(run) -> Path:
    return Path(run.workdir.name) / "sentiment-model" / "model-q8_0.gguf"


@pytest.mark.quotes(
    "transformers reads the file back with `gguf_file=`, turning Q8_0 into float32 again:",
)
def test_prints_the_size_the_tokenizer_the_changed_replies_and_the_score(runner):
    import gguf

    run = runner.run(SNIPPET)
    ns = run.namespace
    changed = [(a, b) for a, b in zip(ns["shipped_replies"], ns["gguf_replies"]) if a != b]
    hits = sum(r == f"LABEL: {label}" for r, (_, label) in zip(ns["gguf_replies"], ns["held_out"]))
    fields = gguf.GGUFReader(_file(run)).fields
    assert run.stdout == (
        f"GGUF file: {_file(run).stat().st_size / 2**20:,.1f} MiB\n"
        f"Tokenizer inside: {any(k.startswith('tokenizer.') for k in fields)}\n"
        f"Replies that changed: {len(changed)}\n"
        + "".join(f"  {a!r} -> {b!r}\n" for a, b in changed)
        + f"Exact matches: {hits}/{len(ns['held_out'])}\n"
    )


@pytest.mark.quotes(
    "Its 8-bit type, Q8_0, is the int8 of block 5 with a scale for each group of 32 weights instead of each row.",
    "136.4 MiB, a little more than block 5's file: a scale for every 32 weights costs more than one for every row.",
)
def test_q8_0_keeps_a_scale_per_32_weights_and_is_a_little_bigger_than_block_5s_file(runner):
    import gguf

    run = runner.run(SNIPPET)
    q8 = gguf.GGMLQuantizationType.Q8_0
    assert gguf.GGML_QUANT_SIZES[q8] == (32, 2 + 32)  # 32 int8 weights and one 16-bit scale
    types = {t.tensor_type for t in gguf.GGUFReader(_file(run)).tensors if len(t.shape) == 2}
    assert types == {q8}
    int8 = (Path(run.workdir.name) / "sentiment-int8.safetensors").stat().st_size
    assert 1 < _file(run).stat().st_size / int8 < 1.1


@pytest.mark.quotes(
    "GGUF also has its own names for the weights, and llama.cpp orders the rows of the attention's q "
    "and k matrices differently from transformers, so the block renames and reorders as it writes.",
    "transformers reads the file back with `gguf_file=`, turning Q8_0 into float32 again:",
    "And no reply changed: the GGUF file gives the same twelve replies as the float32 model.",
)
def test_the_file_loads_back_as_float32_with_the_same_replies(runner):
    import torch

    ns = runner.run(SNIPPET).namespace
    assert ns["gguf_replies"] == ns["shipped_replies"]
    model, shipped = ns["gguf_model"], dict(ns["shipped"].named_parameters())
    assert model.dtype == torch.float32
    for name, weight in model.named_parameters():  # q and k back in transformers' order
        step = shipped[name].detach().abs().max() / 127
        assert (weight.detach() - shipped[name].detach()).abs().max() <= step, name


@pytest.mark.quotes(
    "What the file lacks is the tokenizer, as `Tokenizer inside: False` says.",
    "It has no tokenizer inside, and it was only ever run by transformers.",
)
def test_the_file_has_no_tokenizer(runner):
    import gguf

    fields = gguf.GGUFReader(_file(runner.run(SNIPPET))).fields
    assert not any(key.startswith("tokenizer.") for key in fields)
    assert "Tokenizer inside: False\n" in runner.run(SNIPPET).stdout
