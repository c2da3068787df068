"""Claims about snippets/shipping-a-fine-tune/05_int8.py."""

import warnings
from pathlib import Path

import pytest

from coursetools.runner import ROOT

SNIPPET = "shipping-a-fine-tune/05_int8.py"


def _stored(run) -> dict:
    from safetensors.torch import load_file

    return load_file(Path(run.workdir.name) / "sentiment-int8.safetensors")


def _mib(path: Path) -> str:
    return f"{path.stat().st_size / 2**20:,.1f} MiB"


@pytest.mark.quotes(
    "To load the file, the block multiplies the integers back by their scales into a model built from `config.json`:",
)
def test_prints_the_size_the_changed_replies_and_the_score(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    changed = [(a, b) for a, b in zip(ns["shipped_replies"], ns["small_replies"]) if a != b]
    hits = sum(r == f"LABEL: {label}" for r, (_, label) in zip(ns["small_replies"], ns["held_out"]))
    assert run.stdout == (
        f"int8 file: {_mib(Path(run.workdir.name) / 'sentiment-int8.safetensors')}\n"
        f"Replies that changed: {len(changed)}\n"
        + "".join(f"  {a!r} -> {b!r}\n" for a, b in changed)
        + f"Exact matches: {hits}/{len(ns['held_out'])}\n"
    )


@pytest.mark.quotes(
    "Each row of each weight matrix is divided by a scale, the row's largest absolute value over 127, "
    "and rounded to an integer from -127 to 127, stored in one byte.",
    "The scales stay in float32, one per row, and so do the small vectors of the norm layers.",
)
def test_the_file_holds_int8_matrices_a_scale_per_row_and_float32_vectors(runner):
    import torch

    stored = _stored(runner.run(SNIPPET))
    for name, value in stored.items():
        if name.endswith(".scale"):
            matrix = stored[name.removesuffix(".scale")]
            assert value.dtype == torch.float32 and value.shape == (matrix.shape[0], 1)
        elif value.dim() == 2:
            assert value.dtype == torch.int8 and int(value.abs().max()) == 127
        else:
            assert value.dtype == torch.float32 and value.dim() == 1


@pytest.mark.quotes("A quarter of the float32 file, near enough: 129.2 MiB.")
def test_the_file_is_about_a_quarter_of_float32(runner):
    run = runner.run(SNIPPET)
    folder = Path(run.workdir.name)
    small = (folder / "sentiment-int8.safetensors").stat().st_size
    full = (folder / "sentiment-model" / "model.safetensors").stat().st_size
    assert 0.25 < small / full < 0.26


@pytest.mark.quotes(
    "In the versions this page pins, transformers reaches int8 only through other packages "
    "(bitsandbytes, optimum-quanto or torchao, none of them pinned here), and torch's own int8 "
    "quantization, `torch.ao.quantization`, is deprecated.",
)
def test_no_int8_backend_is_pinned_and_torchs_own_is_deprecated():
    pins = (ROOT / "requirements.txt").read_text().lower()
    for package in ("bitsandbytes", "optimum-quanto", "torchao"):
        assert f"\n{package}==" not in pins
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        import torch
        from torch.ao.quantization import quantize_dynamic

        quantize_dynamic(torch.nn.Sequential(torch.nn.Linear(4, 4)), {torch.nn.Linear}, dtype=torch.qint8)
    assert any("deprecated" in str(w.message) for w in caught)


@pytest.mark.quotes(
    "And no reply changed: the int8 file gives the same twelve replies as the float32 model.",
    "Its rounding is coarser than bfloat16's, up to half a step of a row's largest value over 127, "
    "yet here it changed nothing, while bfloat16 changed a reply.",
)
def test_int8_rounds_more_than_bfloat16_and_kept_the_replies(runner):
    import torch

    run = runner.run(SNIPPET)
    ns, stored = run.namespace, _stored(run)
    assert ns["small_replies"] == ns["shipped_replies"]
    weights, shipped = dict(ns["small"].named_parameters()), dict(ns["shipped"].named_parameters())
    int8_error = bf16_error = 0.0
    for name, restored in weights.items():
        original, restored = shipped[name].detach(), restored.detach()
        if original.dim() != 2:
            continue
        step = stored[name + ".scale"]
        assert ((restored - original).abs() <= step / 2 + 1e-6).all()
        int8_error += float((restored - original).abs().sum())
        bf16_error += float((original.to(torch.bfloat16).float() - original).abs().sum())
    assert int8_error > bf16_error
    assert ns["half_replies"] != ns["shipped_replies"]
