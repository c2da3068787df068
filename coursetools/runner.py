"""Runs snippet files the way a reader would, and notes what each one read.

A snippet runs as `__main__` in a fresh namespace (so it can't lean on another snippet's
variables), with its stdout captured. Two things are watched while it runs:

- **Which model repositories it read, by any route.** A Python audit hook sees every file a
  snippet (or a library under it) opens or lists inside a Hugging Face cache entry
  (`models--<org>--<name>`) or inside a folder that serves a model: `AutoConfig`, any
  `AutoModel*`, `AutoTokenizer`, `pipeline`, `GenerationConfig`, `hf_hub_download`,
  `snapshot_download` or a plain `open()` all resolve a repo that way, and so will whatever a
  later lesson uses. This is what keeps a stand-in's output off the pages: the recorder asks
  which repos a run read, not which loader it called.
- **Whether it needed the Hub itself** (a model card, `model_info`): a name lookup of the Hub's
  host, or huggingface_hub refusing because offline mode is on. Offline, such a run is
  *blocked*: its output is pending, never recorded.

`from_pretrained` of `AutoModelForCausalLM` is wrapped so that the expensive model load happens
once per session: later snippets get the same object. A snippet that changes a model's weights
in place (an optimizer step, say) is detected through the tensors' version counters, and the
next snippet gets a freshly loaded copy instead.
"""

from __future__ import annotations

import contextlib
import io
import os
import re
import runpy
import sys
import traceback
from dataclasses import dataclass, field
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
SNIPPETS = ROOT / "snippets"
HUB = "the Hugging Face Hub"  # how recordings name the Hub itself, next to model repo ids
_CACHE_ENTRY = re.compile(r"models--([^/\\]+?)--([^/\\]+)")


class HubUnreachable(RuntimeError):
    """A snippet needed the Hub, and this run can't reach it."""


@dataclass
class SnippetRun:
    path: Path
    stdout: str
    namespace: dict
    models_used: set[str] = field(default_factory=set)
    used_hub: bool = False
    error: BaseException | None = None

    @property
    def blocked_by_hub(self) -> bool:
        """The run stopped because the Hub was needed and offline mode is on."""
        return self.error is not None and self.used_hub and _is_offline_error(self.error)

    @property
    def needs(self) -> set[str]:
        """Everything the output depends on: model repo ids, and HUB when the Hub was used."""
        return self.models_used | ({HUB} if self.used_hub else set())


def _is_offline_error(error: BaseException) -> bool:
    from huggingface_hub.errors import OfflineModeIsEnabled

    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OfflineModeIsEnabled):
            return True
        error = error.__cause__ or error.__context__
    return False


class _Watcher:
    """One audit hook for the process (audit hooks can't be removed), active only during a run."""

    installed = False
    current: _Watcher | None = None

    def __init__(self, folders: dict[str, str]):
        self.folders = folders  # resolved model folder -> repo id
        self.repos: set[str] = set()
        self.hub = False
        self.hub_host = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co")).hostname or ""

    def path(self, value) -> None:
        try:
            path = os.fsdecode(value)
        except TypeError:
            return  # a file descriptor
        found = _CACHE_ENTRY.search(path)
        if found:
            self.repos.add(f"{found.group(1)}/{found.group(2)}")
            return
        for folder, repo in self.folders.items():
            if path == folder or path.startswith(folder + os.sep):
                self.repos.add(repo)

    @classmethod
    def hook(cls, event: str, args: tuple) -> None:
        watcher = cls.current
        if watcher is None:
            return
        if event in ("open", "os.listdir", "os.scandir") and args and args[0] is not None:
            watcher.path(args[0])
        elif event == "socket.getaddrinfo" and args and isinstance(args[0], str | bytes):
            host = os.fsdecode(args[0])
            if host == watcher.hub_host or host.endswith("." + watcher.hub_host):
                watcher.hub = True

    @contextlib.contextmanager
    def watching(self):
        if not _Watcher.installed:
            sys.addaudithook(_Watcher.hook)
            _Watcher.installed = True
        _Watcher.current = self
        try:
            yield self
        finally:
            _Watcher.current = None


def _version_sum(model) -> int:
    return sum(p._version for p in model.parameters())


class SnippetRunner:
    """`folders` maps each model id to the folder serving it (coursetools.models.provide())."""

    def __init__(self, folders: dict[str, Path] | None = None):
        self._folders = {os.path.realpath(folder): repo for repo, folder in (folders or {}).items()}
        self._models: dict = {}
        self._versions: dict = {}
        self._runs: dict[str, SnippetRun] = {}

    def run(self, snippet: str | Path) -> SnippetRun:
        """The snippet's run (once per session). Raises if it failed, and HubUnreachable when it
        needed the Hub offline: a claim test about such a snippet takes the `hub` fixture."""
        run = self.attempt(snippet)
        if run.blocked_by_hub:
            raise HubUnreachable(
                f"{_shown(run.path)} needs the Hugging Face Hub, which this run can't reach: "
                "give its claim tests the `hub` fixture (see CONTRIBUTING.md)"
            ) from run.error
        if run.error is not None:
            raise run.error
        return run

    def attempt(self, snippet: str | Path) -> SnippetRun:
        """Like run(), but a failure is returned in `.error` instead of raised."""
        path = Path(snippet) if Path(snippet).is_absolute() else SNIPPETS / snippet
        key = str(path)
        if key not in self._runs:
            self._runs[key] = self._execute(path)
        return self._runs[key]

    def _execute(self, path: Path) -> SnippetRun:
        import torch
        import transformers

        if not path.is_file():
            raise FileNotFoundError(f"{path} does not exist")
        used: set[str] = set()
        model_cls = transformers.AutoModelForCausalLM
        original_model = model_cls.__dict__["from_pretrained"]

        def load_model(repo_id, *args, **kwargs):
            used.add(str(repo_id))  # a cached model opens no file: the watcher would miss it
            key = (str(repo_id), args, tuple(sorted(kwargs.items())))
            if key not in self._models:
                self._models[key] = original_model.__get__(None, model_cls)(repo_id, *args, **kwargs)
                self._versions[key] = _version_sum(self._models[key])
            return self._models[key]

        stdout = io.StringIO()
        namespace: dict = {}
        error = None
        watcher = _Watcher(self._folders)
        model_cls.from_pretrained = load_model
        try:
            torch.manual_seed(0)
            with watcher.watching(), contextlib.redirect_stdout(stdout):
                namespace = runpy.run_path(str(path), run_name="__main__")
        except Exception as raised:  # reported through SnippetRun.error
            error = raised
        finally:
            model_cls.from_pretrained = original_model
        for key in [k for k, model in self._models.items() if _version_sum(model) != self._versions[k]]:
            del self._models[key]  # changed in place: the next snippet loads a fresh copy
        used |= watcher.repos
        hub = watcher.hub or (error is not None and _is_offline_error(error))
        return SnippetRun(path, stdout.getvalue(), namespace, used, hub, error)


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(ROOT))
    except ValueError:
        return str(path)


def all_snippets() -> list[str]:
    return sorted(str(p.relative_to(SNIPPETS)) for p in SNIPPETS.glob("*/*.py"))


def main(argv: list[str] | None = None) -> int:
    """`make run SNIPPET=…`: run snippets against the course's models, offline in seconds."""
    import argparse
    import json

    from coursetools import models

    parser = argparse.ArgumentParser(
        prog="python -m coursetools.runner",
        description="Run snippets as a reader would, on the models the tests use (see README).",
    )
    parser.add_argument("snippets", nargs="+", help="snippets/<lesson>/<nn>_<name>.py (or <lesson>/<nn>_<name>.py)")
    parser.add_argument("--json", type=Path, metavar="FILE", help="write {snippet: stdout or null} to FILE as JSON")
    args = parser.parse_args(argv)
    online = models.configure_environment()
    sources = models.provide(online)
    runner = SnippetRunner({repo: source.folder for repo, source in sources.items()})
    results: dict[str, str | None] = {}
    failed = False
    for name in args.snippets:
        path = Path(name).resolve()
        if not path.is_file():
            path = SNIPPETS / name
        if not path.is_file():
            print(f"no snippet {name}: give a path like snippets/<lesson>/01_name.py", file=sys.stderr)
            return 2
        run = runner.attempt(path)
        results[name] = None if run.error is not None else run.stdout
        if args.json:
            continue
        for repo in sorted(run.models_used & set(sources)):
            source = sources[repo]
            warning = "  <- NOT the real model: this output says nothing about it" if not source.is_real else ""
            print(f"# {repo}: {source.label}{warning}", file=sys.stderr, flush=True)
        sys.stdout.write(run.stdout)
        sys.stdout.flush()
        if run.blocked_by_hub:
            print(f"# {_shown(path)} needs the Hugging Face Hub, which is unreachable here.", file=sys.stderr)
            failed = True
        elif run.error is not None:
            traceback.print_exception(run.error, file=sys.stderr)
            failed = True
    if args.json:
        args.json.write_text(json.dumps(results), encoding="utf-8")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
