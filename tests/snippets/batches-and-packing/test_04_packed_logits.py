"""Claims about snippets/batches-and-packing/04_packed_logits.py."""

import inspect

import pytest

SNIPPET = "batches-and-packing/04_packed_logits.py"


@pytest.mark.quotes(
    "Called as the trainer calls it, with the restarting positions and no KV cache, the packed "
    "example gives the logits it gives alone, to within rounding, and the same top token at every "
    "position.",
    "With SDPA attention, the default on a CPU, transformers builds a mask from the restarting "
    "positions that keeps each example to itself: packing works here without FlashAttention.",
)
def test_the_packed_example_gives_its_logits_alone(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert ns["model"].config._attn_implementation == "sdpa"
    assert (ns["in_pack"] - ns["alone"]).abs().max() < 1e-3
    assert bool((ns["in_pack"].argmax(-1) == ns["alone"].argmax(-1)).all())
    assert "Same top token as alone (trainer): 100%\n" in run.stdout


@pytest.mark.quotes(
    "The same call with the KV cache on, as `generate()` runs the model, ignores the restarting "
    "positions: the second example attends to the first, and its logits are far off.",
)
def test_with_the_kv_cache_on_the_examples_mix(runner):
    ns = runner.run(SNIPPET).namespace
    assert (ns["with_cache"] - ns["alone"]).abs().max() > 5, "far off"
    assert (ns["with_cache"].argmax(-1) == ns["alone"].argmax(-1)).float().mean() < 0.9


@pytest.mark.quotes(
    "The trainer turns the cache off for you (`SFTTrainer` passes `use_cache=False`), so training is safe.",
)
def test_sfttrainer_passes_use_cache_false(runner):
    from trl import SFTTrainer

    assert 'inputs["use_cache"] = False' in inspect.getsource(SFTTrainer.compute_loss)
