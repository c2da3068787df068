"""Claims about snippets/shipping-a-fine-tune/04_bfloat16.py."""

from pathlib import Path

import pytest

SNIPPET = "shipping-a-fine-tune/04_bfloat16.py"


def _mib(path: Path) -> str:
    return f"{path.stat().st_size / 2**20:,.1f} MiB"


@pytest.mark.quotes(
    "The block then runs the bfloat16 model itself, and `report` prints which replies changed against the "
    "float32 model; blocks 5 and 6 use it too:",
)
def test_prints_the_size_the_changed_replies_and_the_score(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    changed = [(a, b) for a, b in zip(ns["shipped_replies"], ns["half_replies"]) if a != b]
    hits = sum(r == f"LABEL: {label}" for r, (_, label) in zip(ns["half_replies"], ns["held_out"]))
    assert run.stdout == (
        f"model.safetensors: {_mib(Path(run.workdir.name) / 'sentiment-bf16' / 'model.safetensors')}\n"
        f"Replies that changed: {len(changed)}\n"
        + "".join(f"  {a!r} -> {b!r}\n" for a, b in changed)
        + f"Exact matches: {hits}/{len(ns['held_out'])}\n"
    )


@pytest.mark.quotes("Half the size: 256.6 MiB against 513.2 MiB.")
def test_the_file_is_half_the_float32_one(runner):
    import torch

    run = runner.run(SNIPPET)
    folder = Path(run.workdir.name)
    half = (folder / "sentiment-bf16" / "model.safetensors").stat().st_size
    full = (folder / "sentiment-model" / "model.safetensors").stat().st_size
    assert abs(half / full - 0.5) < 0.001
    from safetensors import safe_open

    with safe_open(str(folder / "sentiment-bf16" / "model.safetensors"), "pt") as f:
        assert {f.get_slice(k).get_dtype() for k in f.keys()} == {"BF16"}
    assert "half" not in run.namespace, "freed for the next block"
    assert torch.bfloat16.itemsize == 2


@pytest.mark.quotes(
    "But one of the twelve replies changed, and it changed from right to wrong: the score falls from 11 to 10.",
    "The label is still right, `positive`, but the reply left the format the fine-tune taught:",
)
def test_rounding_to_bfloat16_changed_a_reply_from_right_to_wrong(runner):
    """Which reply tips, and how many, can differ on another CPU family; that one did, from an
    exact match to a reply that still names the right label, is what the page builds on."""
    ns = runner.run(SNIPPET).namespace
    pairs = list(zip(ns["shipped_replies"], ns["half_replies"], ns["held_out"]))
    changed = [(a, b, label) for a, b, (_, label) in pairs if a != b]
    assert 1 <= len(changed) <= 2
    tipped = [b for a, b, label in changed if a == f"LABEL: {label}"]
    assert tipped, "a right reply turned wrong"
    assert any(b != f"LABEL: {label}" and b.endswith(label) for a, b, label in changed if b in tipped)
