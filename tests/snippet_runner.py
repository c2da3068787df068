"""Runs snippet files the way a reader would, but with each model loaded once per session.

A snippet runs as `__main__` in a fresh namespace (so it can't lean on another snippet's
variables), with its stdout captured. `from_pretrained` is wrapped so that the expensive model
load happens once per session: later snippets get the same object. A snippet that changes a
model's weights in place (an optimizer step, say) is detected through the tensors' version
counters, and the next snippet gets a freshly loaded copy instead.
"""

from __future__ import annotations

import contextlib
import io
import runpy
from dataclasses import dataclass, field
from pathlib import Path

import torch
import transformers

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"


@dataclass
class SnippetRun:
    path: Path
    stdout: str
    namespace: dict
    models_used: set[str] = field(default_factory=set)


def _version_sum(model) -> int:
    return sum(p._version for p in model.parameters())


class SnippetRunner:
    def __init__(self):
        self._models: dict = {}
        self._versions: dict = {}
        self._runs: dict[str, SnippetRun] = {}

    def run(self, relative: str) -> SnippetRun:
        """Run snippets/<relative> once per session; later calls return the same result."""
        if relative not in self._runs:
            self._runs[relative] = self._execute(SNIPPETS / relative)
        return self._runs[relative]

    def _execute(self, path: Path) -> SnippetRun:
        if not path.is_file():
            raise FileNotFoundError(f"{path} does not exist")
        used: set[str] = set()
        model_cls = transformers.AutoModelForCausalLM
        tokenizer_cls = transformers.AutoTokenizer
        original_model = model_cls.__dict__["from_pretrained"]
        original_tokenizer = tokenizer_cls.__dict__["from_pretrained"]

        def load_model(repo_id, *args, **kwargs):
            used.add(str(repo_id))
            key = (str(repo_id), args, tuple(sorted(kwargs.items())))
            if key not in self._models:
                self._models[key] = original_model.__get__(None, model_cls)(repo_id, *args, **kwargs)
                self._versions[key] = _version_sum(self._models[key])
            return self._models[key]

        def load_tokenizer(repo_id, *args, **kwargs):
            used.add(str(repo_id))
            return original_tokenizer.__get__(None, tokenizer_cls)(repo_id, *args, **kwargs)

        stdout = io.StringIO()
        model_cls.from_pretrained = load_model
        tokenizer_cls.from_pretrained = load_tokenizer
        try:
            torch.manual_seed(0)
            with contextlib.redirect_stdout(stdout):
                namespace = runpy.run_path(str(path), run_name="__main__")
        finally:
            model_cls.from_pretrained = original_model
            tokenizer_cls.from_pretrained = original_tokenizer
        for key in [k for k, model in self._models.items() if _version_sum(model) != self._versions[k]]:
            del self._models[key]  # changed in place: the next snippet loads a fresh copy
        return SnippetRun(path, stdout.getvalue(), namespace, used)


def all_snippets() -> list[str]:
    return sorted(str(p.relative_to(SNIPPETS)) for p in SNIPPETS.glob("*/*.py"))
