"""Runs snippet files the way a reader would, once per session, and keeps what each one printed,
read and left in its namespace for the claim tests; `make run` (main()) runs them from the shell.

A snippet runs as `__main__` in a fresh namespace (so it can't lean on another snippet's
variables), with its stdout captured, in a temporary working directory, so whatever it writes (an
adapter folder, checkpoints, a figure) never lands in the repository (coursetools.execution).
While it runs, the runner notes which model repositories it read, by any route, and whether it
needed the Hub (coursetools.watcher), the figures it saved (coursetools.figures), and whether an
optimizer stepped (`SnippetRun.trained`: what such a run prints depends on more than the weights,
see coursetools.recording).

`from_pretrained` of `AutoModelForCausalLM` is wrapped so that the expensive model load happens
once per session: later snippets get the same object, but only while it is exactly as loaded
(coursetools.modelstate). A model trained, wrapped by PEFT, switched to train mode or hooked by
any snippet, this one included, is never handed out again, and a fresh copy is loaded instead. An
earlier snippet that was handed that model is run again, on a fresh copy, when a claim test next
asks for it: its namespace must hold what that snippet saw, whatever order the tests run in.

A model the snippet (or a block it continues) saved in its working directory and loads back (a
merged fine-tune) is made from the course models the chain read: those are what its run depends
on and names, and the folder itself is no model the course must provide. A model folder anywhere
else still counts as one.

A snippet whose first line is `# Continues the block above (NN_name.py) …` continues that
snippet, as the page shows it right above: it runs after it, in its namespace and working
directory, as if both were pasted into one interpreter in order (a notebook), with no reseeding
in between. A lesson's chain of such blocks runs once per session. Each chain starts from torch
seed 0 (`seed=`); `make outputs` runs it again with another, so that no recorded output depends
on the random state a reader's fresh interpreter starts with.
"""

from __future__ import annotations

import contextlib
import gc
import io
import os
import sys
import tempfile
import traceback
import types
import weakref
from dataclasses import dataclass, field
from pathlib import Path

from coursetools import cost
from coursetools.execution import counting_optimizer_steps, exec_as_main, imported_modules
from coursetools.figures import Figure, saved_figures
from coursetools.includes import continues
from coursetools.modelstate import model_state
from coursetools.repo import ROOT
from coursetools.watcher import HUB, Watcher, is_offline_error

SNIPPETS = ROOT / "snippets"
# Where `make run` keeps the figures a snippet saved (git-ignored, like all of .cache/).
RUN_FIGURES = ROOT / ".cache" / "run"


class HubUnreachable(RuntimeError):
    """A snippet needed the Hub, and this run can't reach it."""


@dataclass
class SnippetRun:
    """What one snippet's run left: what it printed, read and saved, and its namespace."""

    path: Path
    stdout: str
    namespace: dict
    models_used: set[str] = field(default_factory=set)
    used_hub: bool = False
    error: BaseException | None = None
    figures: list[Figure] = field(default_factory=list)
    trained: bool = False  # an optimizer stepped in this block or in a block it continues
    imports: set[str] = field(default_factory=set)  # top-level modules it and the blocks it continues import
    continues: Path | None = None
    workdir: tempfile.TemporaryDirectory | None = field(default=None, repr=False)
    module: types.ModuleType | None = field(default=None, repr=False)  # the live namespace of its chain
    # Weak references to the cached models from_pretrained gave it: a model the snippet let go of
    # (a sweep that loads one per run) is freed as in a reader's interpreter, not kept alive
    # here, which would charge the block with memory a reader never uses (coursetools.cost).
    handed: list = field(default_factory=list, repr=False)
    weights: set[str] = field(default_factory=set)  # repos whose weights it (or its chain) loaded
    seconds: float = 0.0  # this block's own wall time (coursetools.cost)
    # The type of the value its last line evaluates to, where that is an expression and not None:
    # a notebook shows that value under the cell (IPython does), the page doesn't.
    displayed: str | None = None
    peak_bytes: int = 0  # the process's peak memory while this block ran

    @property
    def blocked_by_hub(self) -> bool:
        """The run stopped because the Hub was needed and offline mode is on."""
        return self.error is not None and self.used_hub and is_offline_error(self.error)

    @property
    def needs(self) -> set[str]:
        """Everything the output depends on: model repo ids, and HUB when the Hub was used."""
        return self.models_used | ({HUB} if self.used_hub else set())


class SnippetRunner:
    """`folders` maps each model id to the folder serving it (coursetools.models.provide())."""

    def __init__(self, folders: dict[str, Path] | None = None, seed: int = 0):
        # Torch's random state at the start of each chain. A reader's fresh interpreter starts
        # from a random one, so `make outputs` runs every chain again with another seed
        # (recording.second_runs) and refuses an output that depends on it.
        self._seed = seed
        self._folders = {os.path.realpath(folder): repo for repo, folder in (folders or {}).items()}
        self._models: dict = {}
        self._states: dict = {}
        self._runs: dict[str, SnippetRun] = {}
        self._let_go: set[Path] = set()  # folders whose runs were let go (let_go): none runs again

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
            if path.parent in self._let_go:
                raise RuntimeError(
                    f"{_shown(path)} ran in this session, and its lesson's runs were let go after the last "
                    "test known to need them: running its chain again would double its cost. A claim test "
                    "that runs another lesson's snippet names it as a literal 'slug/NN_name.py' "
                    "(coursetools/sessionruns.py)"
                )
            self._runs[key] = self._execute(path)
        return self._runs[key]

    def held(self) -> list[Path]:
        """The snippets whose runs (stdout, namespace, live chain) this runner holds."""
        return sorted({run.path for run in self._runs.values()})

    def let_go(self, folder: Path) -> None:
        """Drop every run of a snippet in `folder` (a lesson's), with the namespaces, models and
        trainers they hold, once no test needs them (tests/conftest.py): a session that kept them
        all would grow with the course. A snippet there that is asked for again raises instead of
        running its chain a second time."""
        folder = Path(folder)
        for key in [key for key, run in self._runs.items() if run.path.parent == folder]:
            run = self._runs.pop(key)
            run.namespace = {}
            if run.module is not None:
                run.module.__dict__.clear()
            if run.workdir is not None:
                run.workdir.cleanup()
        self._let_go.add(folder)
        gc.collect()  # a PEFT model, a trainer: reference cycles

    def _execute(self, path: Path) -> SnippetRun:
        import torch
        import transformers

        if not path.is_file():
            raise FileNotFoundError(f"{path} does not exist")
        previous = continues(path)
        before = self.attempt(previous) if previous is not None else None
        if before is not None and before.error is not None:
            error = RuntimeError(f"{_shown(path)} continues {previous.name}, which failed")
            error.__cause__ = before.error
            return SnippetRun(
                path,
                "",
                {},
                set(before.models_used),
                before.used_hub,
                error,
                continues=previous,
                workdir=before.workdir,
            )
        used: set[str] = set(before.models_used) if before else set()
        weights: set[str] = set(before.weights) if before else set()
        handed: list = []
        model_cls = transformers.AutoModelForCausalLM
        original_model = model_cls.__dict__["from_pretrained"]

        workdir = before.workdir if before else tempfile.TemporaryDirectory(prefix="snippet-")

        def load_model(repo_id, *args, **kwargs):
            if _inside(repo_id, workdir.name):
                # A model this chain saved in its own working directory (a merged fine-tune,
                # say): made from the course models the chain read, which `used` already names.
                # Loaded fresh each time: another chain's folder of the same name is another model.
                return original_model.__get__(None, model_cls)(repo_id, *args, **kwargs)
            used.add(str(repo_id))  # a cached model opens no file: the watcher would miss it
            weights.add(str(repo_id))
            key = (str(repo_id), args, tuple(sorted(kwargs.items())))
            if key in self._models and model_state(self._models[key]) != self._states[key]:
                del self._models[key]  # changed since it was loaded, maybe by this very snippet
            if key not in self._models:
                self._models[key] = original_model.__get__(None, model_cls)(repo_id, *args, **kwargs)
                self._states[key] = model_state(self._models[key])
            handed.append(weakref.ref(self._models[key]))
            return self._models[key]

        stdout = io.StringIO()
        namespace: dict = {}
        error = None
        watcher = Watcher(self._folders)
        module = before.module if before else types.ModuleType("__main__")
        saved: list = []
        steps: list = []
        measured: dict = {}
        shown = None
        model_cls.from_pretrained = load_model
        try:
            if before is None:
                torch.manual_seed(self._seed)  # a block that continues another runs on, as in a notebook
            with (
                contextlib.chdir(workdir.name),
                saved_figures(saved),
                counting_optimizer_steps(steps),
                watcher.watching(),
                contextlib.redirect_stdout(stdout),
                cost.measuring() as measured,
            ):
                shown = exec_as_main(path, module)
        except Exception as raised:  # reported through SnippetRun.error
            error = raised
        finally:
            model_cls.from_pretrained = original_model
        namespace = dict(module.__dict__)  # as this block left it; later blocks go on in `module`
        changed = [k for k, model in self._models.items() if model_state(model) != self._states[k]]
        self._forget_runs_holding([self._models[key] for key in changed], module)
        for key in changed:
            del self._models[key]  # changed in place: the next snippet loads a fresh copy
        used |= watcher.repos
        weights |= watcher.weights
        hub = watcher.hub or (error is not None and is_offline_error(error)) or bool(before and before.used_hub)
        figures = []
        for name, alt in saved:
            if os.path.isfile(name):
                with open(name, "rb") as saved_file:
                    figures.append(Figure(os.path.basename(name), alt, saved_file.read()))
        return SnippetRun(
            path,
            stdout.getvalue(),
            namespace,
            used,
            hub,
            error,
            figures=figures,
            trained=bool(steps) or bool(before and before.trained),
            imports=imported_modules(path) | (before.imports if before else set()),
            continues=previous,
            workdir=workdir,
            module=module,
            handed=handed,
            weights=weights & used,
            seconds=measured.get("seconds", 0.0),
            peak_bytes=measured.get("peak_bytes", 0),
            displayed=None if shown is None else type(shown).__name__,
        )

    def release(self, run: SnippetRun, keep_module: bool) -> None:
        """Let go of what `run` holds that its stdout and figures don't need: the namespace
        snapshots of it and the blocks it continues and, unless a later block continues it
        (`keep_module`), its live namespace too. For `make run`, not claim tests: they read them."""
        earlier = run
        while earlier is not None:  # and of the blocks it continues, run before it
            earlier.namespace = {}
            earlier = self._runs.get(str(earlier.continues)) if earlier.continues else None
        if not keep_module and run.module is not None:
            run.module.__dict__.clear()
        gc.collect()  # a PEFT model, a trainer: reference cycles

    def _forget_runs_holding(self, changed: list, module: types.ModuleType) -> None:
        """An earlier snippet was handed a model this one just changed in place: its namespace
        now holds the changed model, not what that snippet saw. Forget that run (and the rest of
        its chain), so a claim test that asks for it gets it run again on a fresh copy. Blocks of
        this snippet's own chain keep theirs: pasted into one interpreter, they share it."""
        stale = {
            id(run.module)
            for run in self._runs.values()
            if run.module is not module and any(h() is c for h in run.handed for c in changed)
        }
        for key in [k for k, run in self._runs.items() if id(run.module) in stale]:
            del self._runs[key]


def _inside(name, folder: str) -> bool:
    """True when `name` (a repo id or a path, relative to the current directory) is a folder
    inside `folder`: a model a snippet saved in its working directory, not one it was given."""
    try:
        path = os.path.realpath(os.fspath(name))
    except TypeError:
        return False
    root = os.path.realpath(folder)
    return os.path.isdir(path) and path.startswith(root + os.sep)


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
        prog="python -m coursetools run",
        description="Run snippets as a reader would, on the models the tests use (see README).",
    )
    parser.add_argument("snippets", nargs="+", help="snippets/<lesson>/<nn>_<name>.py (or <lesson>/<nn>_<name>.py)")
    parser.add_argument(
        "--json",
        type=Path,
        metavar="FILE",
        help="write {snippet: {stdout, figures: {name: sha256}, seconds, peak_bytes} or null} to FILE as JSON",
    )
    parser.add_argument(
        "--seed", type=int, default=0, help="torch's seed at the start of each chain (default 0, as in the tests)"
    )
    args = parser.parse_args(argv)
    online = models.configure_environment()
    sources = models.provide(online)
    runner = SnippetRunner({repo: source.folder for repo, source in sources.items()}, seed=args.seed)
    results: dict[str, dict | None] = {}
    failed = False
    paths = []
    for name in args.snippets:
        path = Path(name).resolve()
        if not path.is_file():
            path = SNIPPETS / name
        if not path.is_file():
            print(f"no snippet {name}: give a path like snippets/<lesson>/01_name.py", file=sys.stderr)
            return 2
        paths.append(path)
    for index, (name, path) in enumerate(zip(args.snippets, paths)):
        run = runner.attempt(path)
        # Hold no more than a reader's session would (what `/usr/bin/time -v make run` measures):
        # no snapshot of a block's namespace (only claim tests read it), and nothing at all of a
        # block no later snippet here continues, as a reader's fresh interpreter for the next.
        continued = any(continues(later) == path for later in paths[index + 1 :])
        runner.release(run, keep_module=continued)
        figures = {figure.name: figure.sha256 for figure in run.figures}
        results[name] = (
            None
            if run.error is not None
            else {
                "stdout": run.stdout,
                "figures": figures,
                "seconds": run.seconds,
                "peak_bytes": run.peak_bytes,
                "weights": sorted(run.weights),
            }
        )
        if args.json:
            continue
        for repo in sorted(run.models_used & set(sources)):
            source = sources[repo]
            warning = "  <- NOT the real model: this output says nothing about it" if not source.is_real else ""
            print(f"# {repo}: {source.label}{warning}", file=sys.stderr, flush=True)
        sys.stdout.write(run.stdout)
        sys.stdout.flush()
        for figure in run.figures:  # the snippet's working directory is gone: keep its figures to look at
            RUN_FIGURES.mkdir(parents=True, exist_ok=True)
            kept = RUN_FIGURES / f"{path.stem}-{figure.name}"
            kept.write_bytes(figure.data)
            print(f"# figure {figure.name} saved as {_shown(kept)}: {figure.alt}", file=sys.stderr)
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
