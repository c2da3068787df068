"""What a run read: which model repositories, by any route, and whether it needed the Hub.

Its own module because this is what keeps a stand-in's output off the pages: the recorder asks
which repos a run read, not which loader it called (coursetools.recording).

- **Which model repositories it read.** A Python audit hook sees every file a snippet (or a
  library under it) opens or lists inside a Hugging Face cache entry (`models--<org>--<name>`) or
  inside a folder that serves a model: `AutoConfig`, any `AutoModel*`, `AutoTokenizer`,
  `pipeline`, `GenerationConfig`, `hf_hub_download`, `snapshot_download` or a plain `open()` all
  resolve a repo that way, and so will whatever a later lesson uses.
- **Whether it needed the Hub itself** (a model card, `model_info`): a name lookup of the Hub's
  host, or huggingface_hub refusing because offline mode is on. Offline, such a run is
  *blocked*: its output is pending, never recorded.
"""

from __future__ import annotations

import contextlib
import os
import re
import sys
from urllib.parse import urlparse

HUB = "the Hugging Face Hub"  # how recordings name the Hub itself, next to model repo ids
_CACHE_ENTRY = re.compile(r"models--([^/\\]+?)--([^/\\]+)")
# The files that are a model's weights: a block that opens one downloads the model, not only its
# tokenizer (what a lesson's cost says it downloads, coursetools.cost).
WEIGHT_FILES = (".safetensors", ".bin", ".gguf", ".pt", ".pth")


def is_offline_error(error: BaseException) -> bool:
    from huggingface_hub.errors import OfflineModeIsEnabled

    seen = set()
    while error is not None and id(error) not in seen:
        seen.add(id(error))
        if isinstance(error, OfflineModeIsEnabled):
            return True
        error = error.__cause__ or error.__context__
    return False


class Watcher:
    """One audit hook for the process (audit hooks can't be removed), active only during a run."""

    installed = False
    current: Watcher | None = None

    def __init__(self, folders: dict[str, str]):
        self.folders = folders  # resolved model folder -> repo id
        self.repos: set[str] = set()
        self.weights: set[str] = set()
        self.hub = False
        self.hub_host = urlparse(os.environ.get("HF_ENDPOINT", "https://huggingface.co")).hostname or ""

    def path(self, value) -> None:
        try:
            path = os.fsdecode(value)
        except TypeError:
            return  # a file descriptor
        found = _CACHE_ENTRY.search(path)
        repo = f"{found.group(1)}/{found.group(2)}" if found else None
        for folder, served in self.folders.items():
            if repo is None and (path == folder or path.startswith(folder + os.sep)):
                repo = served
        if repo is not None:
            self.repos.add(repo)
            if path.endswith(WEIGHT_FILES):
                self.weights.add(repo)  # its weights, not only its tokenizer or config

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
        if not Watcher.installed:
            sys.addaudithook(Watcher.hook)
            Watcher.installed = True
        Watcher.current = self
        try:
            yield self
        finally:
            Watcher.current = None
