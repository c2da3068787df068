"""Claims about snippets/shipping-a-fine-tune/02_merge_and_save.py."""

import json
from pathlib import Path

import pytest

SNIPPET = "shipping-a-fine-tune/02_merge_and_save.py"


def _folder(run) -> Path:
    return Path(run.workdir.name) / "sentiment-model"


def _size(path: Path) -> str:
    mib = path.stat().st_size / 2**20
    return f"{mib:,.1f} MiB" if mib >= 1 else f"{mib * 1024:,.1f} KiB"


@pytest.mark.quotes(
    "`save_pretrained` then writes it, and the tokenizer beside it, into one folder:",
)
def test_prints_each_file_the_dtype_and_the_versions(runner):
    from importlib.metadata import version

    run = runner.run(SNIPPET)
    folder = _folder(run)
    files = sorted(p for p in folder.iterdir() if p.suffix != ".gguf")  # block 6 adds its file here
    listing = "".join(f"{p.name}: {_size(p)}\n" for p in files)
    libraries = ("torch", "transformers", "peft", "safetensors", "gguf")
    assert run.stdout == (
        listing
        + f"Weights stored as {run.namespace['merged'].dtype}\n"
        + "Saved with:\n"
        + "".join(f"  {name} {version(name)}\n" for name in libraries)
    )


@pytest.mark.quotes(
    "The weights are one file, `model.safetensors`, of 513.2 MiB: each of the model's parameters in "
    "float32, 4 bytes apiece, as [lesson 1.2](../picking-a-base-model/index.md) counted them, and a "
    "small header.",
)
def test_the_weights_are_four_bytes_a_parameter_plus_a_header(runner):
    run = runner.run(SNIPPET)
    merged = run.namespace["merged"]
    count = sum(p.numel() for p in merged.parameters())
    size = (_folder(run) / "model.safetensors").stat().st_size
    assert merged.dtype.itemsize == 4
    assert count * 4 < size < count * 4 + 2**20
    assert [p.name for p in _folder(run).glob("*.safetensors")] == ["model.safetensors"]


@pytest.mark.quotes(
    "Beside it, `config.json` tells transformers which architecture to build, and the tokenizer's "
    "files and `chat_template.jinja` carry the chat template the model was trained in.",
)
def test_the_folder_carries_the_architecture_and_the_chat_template(runner):
    run = runner.run(SNIPPET)
    folder = _folder(run)
    assert json.loads((folder / "config.json").read_text())["architectures"] == ["LlamaForCausalLM"]
    assert "<|im_start|>" in (folder / "chat_template.jinja").read_text()
    assert "lora" not in json.dumps(json.loads((folder / "config.json").read_text())).lower()


@pytest.mark.quotes(
    "Block 2 prints the versions of the libraries that wrote this page's files, and the line under "
    "each output names the versions it ran with.",
    "The versions under the listing are the ones that wrote these files: ship them with the folder, so "
    "that whoever loads it can match them if something goes wrong.",
)
def test_the_versions_printed_are_the_courses_pins(runner):
    from coursetools.runner import ROOT

    pins = (ROOT / "requirements.txt").read_text()
    printed = runner.run(SNIPPET).stdout.split("Saved with:\n")[1].split()
    for name, version in zip(printed[::2], printed[1::2]):
        assert f"\n{name}=={version.split('+')[0]}\n" in pins, name
