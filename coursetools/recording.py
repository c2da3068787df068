"""What `make outputs` may record for a snippet's run, decided in one place.

- A run that read a stand-in model, or needed the Hub while offline, is recorded as *pending*:
  its output says nothing true about the real models, so the page says it isn't recorded yet.
- A run whose output changes between two runs (a time, a random number, the order of a set) is
  refused: the page would show one run's accident as the model's behaviour. The second run is in
  a separate process with another hash seed (`second_runs()`), since a set's order only changes
  between processes. Figures count: the second run must save byte-identical ones.
- A figure is recorded only as a PNG of at most FIGURE_MAX_BYTES.
- A training run (an optimizer stepped, in the block or in a block it continues) is recorded with
  the CPU's instruction-set family (torch's CPU capability: AVX2, AVX512, …): the same weights,
  versions and seed train to slightly different numbers with other kernels, so its recording is
  compared only on a CPU of the same family (`difference()`). Torch's thread count is not
  recorded: a training run gives bit-identical numbers with 1 and 2 threads.
"""

from __future__ import annotations

import difflib
import importlib.metadata
import json
import os
import subprocess
import sys
import tempfile
import traceback
from pathlib import Path

from coursetools import outputs
from coursetools.runner import HUB, ROOT, SnippetRun

HUB_WEIGHTS = {"weights": "live", "label": "its live API"}
# Libraries whose version a recording names when the snippet (or a block it continues) imports
# them, next to transformers and torch, which every recording names.
LIBRARIES = ("datasets", "matplotlib", "peft", "trl")
FIGURE_MAX_BYTES = 60_000


class Unrecordable(Exception):
    """The run can't be recorded; the message says why and what to do."""


def versions(imports=()) -> dict[str, str]:
    names = ("transformers", "torch", *(name for name in LIBRARIES if name in imports))
    return {name: importlib.metadata.version(name) for name in names}


def determinism() -> dict[str, str]:
    """What a training run's numbers depend on besides weights, versions and seeds."""
    import torch

    return {"cpu": torch.backends.cpu.get_cpu_capability()}


def difference(recorded: outputs.Recording, sources: dict, online: bool) -> str | None:
    """Why this run can't be compared with a recording (other weights, another CPU family for a
    training run), or None when it can."""
    weights = weights_of(sources, online)
    other = {r: i["weights"] for r, i in recorded.models.items() if i["weights"] != weights.get(r)}
    if other:
        return f"recorded with other weights ({other}); this run has {[weights.get(r) for r in other]}"
    here = determinism() if recorded.determinism else {}
    changed = {key: value for key, value in recorded.determinism.items() if here.get(key) != value}
    if changed:
        return (
            f"a training run recorded on a CPU with {changed}; this one has "
            f"{ {key: here.get(key) for key in changed} }, whose kernels train to other numbers"
        )
    return None


def decide(snippet: str, run: SnippetRun, sources: dict) -> outputs.Recording:
    """The recording this run allows: real output, or pending on what this run lacked."""
    if run.error is not None and not run.blocked_by_hub:
        trace = "".join(traceback.format_exception(run.error))
        raise Unrecordable(f"{snippet} failed, so there is nothing to record:\n{trace}")
    unknown = sorted(run.models_used - set(sources))
    if unknown:
        raise Unrecordable(f"{snippet} read {unknown}, which the course does not provide (coursetools/models.py)")
    missing = sorted(repo for repo in run.models_used if not sources[repo].is_real)
    if run.blocked_by_hub:
        missing.append(HUB)
    if missing:
        return outputs.Recording(snippet, None, {}, {}, missing)
    used = {repo: {"weights": sources[repo].weights_id, "label": sources[repo].label} for repo in run.models_used}
    if run.used_hub:
        used[HUB] = dict(HUB_WEIGHTS)
    figures, data = [], {}
    for figure in run.figures:
        if not figure.name.lower().endswith(".png"):
            raise Unrecordable(f"{snippet} saved the figure {figure.name}: save figures as PNG (`savefig('name.png')`)")
        if len(figure.data) > FIGURE_MAX_BYTES:
            raise Unrecordable(
                f"{snippet} saved {figure.name} at {len(figure.data) / 1000:.0f} kB; figures are at most "
                f"{FIGURE_MAX_BYTES / 1000:.0f} kB: make it smaller (figsize, dpi)"
            )
        name = outputs.figure_file(Path(snippet), figure.name)
        width, height = outputs.png_size(figure.data)
        figures.append({"file": name, "alt": figure.alt, "sha256": figure.sha256, "width": width, "height": height})
        data[name] = figure.data
    return outputs.Recording(
        snippet,
        run.stdout,
        used,
        versions(run.imports),
        [],
        figures,
        determinism() if run.trained else {},
        data,
    )


def weights_of(sources: dict, online: bool) -> dict[str, str]:
    """The `weights` each recorded dependency has in this run (what recordings are compared on)."""
    found = {repo: source.weights_id for repo, source in sources.items()}
    if online:
        found[HUB] = HUB_WEIGHTS["weights"]
    return found


def second_runs(snippets: list[str]) -> dict[str, dict | None]:
    """Each snippet's {stdout, figures: {name: sha256}} from one more run, in a fresh process with
    another hash seed (None where it failed)."""
    with tempfile.TemporaryDirectory() as tmp:
        result_file = Path(tmp) / "second-run.json"
        env = {**os.environ, "PYTHONHASHSEED": "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"}
        done = subprocess.run(
            [sys.executable, "-m", "coursetools.runner", "--json", str(result_file), *snippets],
            cwd=ROOT,
            env=env,
            capture_output=True,
            text=True,
        )
        if not result_file.is_file():
            raise Unrecordable(f"the second run of the snippets failed:\n{done.stderr[-3000:]}")
        return json.loads(result_file.read_text(encoding="utf-8"))


def record(snippet: str, path: Path, run: SnippetRun, sources: dict, second_run) -> tuple[str, outputs.Recording]:
    """Write what `make outputs` may record for this run to `path`; returns what happened
    ("recorded", "pending" or "kept") and the recording the file now holds.

    `second_run()` gives the snippet's run from another process (second_runs(); a plain string
    is its stdout alone); it is only asked for when there is real output to record. Raises
    Unrecordable, writing nothing, when the two runs differ. A pending run leaves a real recording made elsewhere (with the real base,
    say) as it is: this run can't redo it.
    """
    try:
        recorded = outputs.read(path, exact=False)
    except outputs.TamperedRecording:
        recorded = None  # edited by hand: replaced by what this run can honestly record
    fresh = decide(snippet, run, sources)
    if fresh.pending_on:
        if recorded is not None and not recorded.pending_on:
            outputs.write(path, recorded)  # in today's page format, its data untouched
            return "kept", recorded
        outputs.write(path, fresh)
        return "pending", fresh
    second = second_run()
    if isinstance(second, str):
        second = {"stdout": second}
    problem = unstable(snippet, fresh.stdout, second and second["stdout"])
    if problem is None and second is not None and "figures" in second:
        saved = {figure.name: figure.sha256 for figure in run.figures}
        if second["figures"] != saved:
            problem = (
                f"{snippet} saved a different figure on a second run (SHA-256 {saved} then {second['figures']}), "
                "so it can't be recorded: draw only what is the same on every run"
            )
    if problem:
        raise Unrecordable(problem)
    outputs.write(path, fresh)
    return "recorded", fresh


def unstable(snippet: str, first: str, second: str | None) -> str | None:
    """None when both runs printed the same; otherwise a message naming the lines that changed."""
    if second == first:
        return None
    if second is None:
        return f"{snippet} printed its output once, then failed on a second run in a fresh process"
    diff = "\n".join(
        difflib.unified_diff(first.splitlines(), second.splitlines(), "first run", "second run", lineterm="")
    )
    return (
        f"{snippet} printed something different on a second run, so its output can't be recorded:\n{diff}\n"
        "Print only what is the same on every run: no times, random numbers without a seed, or sets "
        "(sort them)."
    )
