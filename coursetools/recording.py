"""What `make outputs` may record for a snippet's run, decided in one place.

- A run that read a stand-in model, or needed the Hub while offline, is recorded as *pending*:
  its output says nothing true about the real models, so the page says it isn't recorded yet.
- A run whose output changes between two runs (a time, a random number, the order of a set) is
  refused: the page would show one run's accident as the model's behaviour. The second run is in
  a separate process with another hash seed (`second_runs()`), since a set's order only changes
  between processes. Figures count: the second run must save byte-identical ones.
- A figure is recorded only as a PNG of at most FIGURE_MAX_BYTES.
- A training run (an optimizer stepped, in the block or in a block it continues) is recorded with
  the CPU kernels it ran on (torch's CPU capability: AVX2, AVX512, …), since other kernels can
  train the same weights, versions and seed to other low bits. The course pins AVX2 kernels on
  every x86-64 CPU that has them (`coursetools.kernels`), so recordings compare bit for bit across
  those machines. A run on other kernels is compared all the same: equal output passes, and a
  difference fails naming both kernel families (`kernels_note()`); `make outputs` there leaves a
  recording alone when all it would change is the kernel family (`record()`). Torch's thread
  count is not recorded: a training run gives bit-identical numbers with 1 and 2 threads.
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

from coursetools import cost, kernels, outputs
from coursetools.includes import continues
from coursetools.runner import ROOT, SNIPPETS, SnippetRun
from coursetools.watcher import HUB

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
    """Why this run can't be compared with a recording (it was made with other weights), or None
    when it can. Other CPU kernels are no reason: see kernels_note()."""
    weights = weights_of(sources, online)
    other = {r: i["weights"] for r, i in recorded.models.items() if i["weights"] != weights.get(r)}
    if other:
        return f"recorded with other weights ({other}); this run has {[weights.get(r) for r in other]}"
    return None


def kernels_note(recorded: outputs.Recording) -> str | None:
    """What to tell someone whose run of a training snippet printed something else, when the
    recording was made on other CPU kernels than this run's; None on the same kernels."""
    recorded_cpu = recorded.determinism.get("cpu")
    here = determinism()["cpu"] if recorded_cpu else None
    if recorded_cpu == here:
        return None
    pinned = " ".join(f"{name}={value}" for name, value in kernels.PINNED.items())
    return (
        f"This training run was recorded on {recorded_cpu} kernels and ran here on {here} kernels, which can "
        f"train to other low bits. On an x86-64 CPU with AVX2, `{pinned}` (set by the course's tools unless "
        "COURSE_KERNELS=native) gives the recording's kernels. Where it still differs, or the CPU has no AVX2 "
        "(ARM), the difference is the kernels': the lesson's claim tests say whether what its page claims holds."
    )


def decide(snippet: str, run: SnippetRun, sources: dict) -> outputs.Recording:
    """The recording this run allows: real output, or pending on what this run lacked."""
    if run.error is not None and not run.blocked_by_hub:
        trace = "".join(traceback.format_exception(run.error))
        raise Unrecordable(f"{snippet} failed, so there is nothing to record:\n{trace}")
    if run.displayed is not None:
        raise Unrecordable(
            f"{snippet} ends with an expression worth a {run.displayed}: a notebook shows that value under "
            "the cell, and the page doesn't. Assign it (`_ = ...`) or print what the reader should see."
        )
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
    """Each snippet's {stdout, figures: {name: sha256}, seconds, peak_bytes} from one more run,
    None where it failed. Each chain of blocks (a block and those that continue it) runs in its
    own fresh process with another hash seed and another torch seed, as a reader pastes it into a
    fresh interpreter: a set's order only changes between processes, torch's unseeded numbers
    between seeds, and what a block costs (coursetools.cost)
    includes loading its models, not a model an unrelated block left loaded."""
    env = {**os.environ, "PYTHONHASHSEED": "2" if os.environ.get("PYTHONHASHSEED") == "1" else "1"}
    chains: dict[Path, list[str]] = {}
    for snippet in snippets:
        chains.setdefault(chain_root(SNIPPETS / snippet), []).append(snippet)
    results: dict[str, dict | None] = {}
    with tempfile.TemporaryDirectory() as tmp:
        for number, chain in enumerate(chains.values()):
            result_file = Path(tmp) / f"second-run-{number}.json"
            done = subprocess.run(
                # Another torch seed too: a reader's interpreter starts from a random one.
                [sys.executable, "-m", "coursetools.runner", "--seed", "1", "--json", str(result_file), *chain],
                cwd=ROOT,
                env=env,
                capture_output=True,
                text=True,
            )
            if not result_file.is_file():
                raise Unrecordable(f"the second run of {chain} failed:\n{done.stderr[-3000:]}")
            results.update(json.loads(result_file.read_text(encoding="utf-8")))
    return results


def chain_root(path: Path) -> Path:
    """The first block of the chain `path` belongs to (itself when it continues nothing)."""
    while (previous := continues(path)) is not None:
        path = previous
    return path


def measured_cost(second: dict, sources: dict) -> dict:
    """What a recording keeps of a second run's measurements (coursetools.cost): with the size of
    the models whose weights it loaded (a block that reads only a tokenizer downloads no weights)."""
    parameters = {repo: sources[repo].parameters for repo in second.get("weights", []) if repo in sources}
    return cost.rounded(second["seconds"], second["peak_bytes"], determinism()["cpu"], parameters)


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
    if recorded is not None and only_the_kernels_differ(recorded, fresh):
        outputs.write(path, recorded)  # no churn: this machine's kernels print what the page shows
        return "kept", recorded
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
    if second is not None and "seconds" in second:
        fresh.cost = cost.settle(recorded and recorded.cost, measured_cost(second, sources))
    outputs.write(path, fresh)
    return "recorded", fresh


def mismatch(recorded: outputs.Recording, fresh: outputs.Recording, shown_as: str) -> str | None:
    """None when a fresh run shows what the recording (`shown_as`) shows: the printed text and the
    figures' names and alt text (made from their data; pixels are not compared). Otherwise what
    differs, first line first, and what to do; on other CPU kernels, both families too."""
    problem = None
    if fresh.stdout.rstrip("\n") != recorded.stdout.rstrip("\n"):
        diff = "\n".join(
            difflib.unified_diff(
                recorded.stdout.rstrip("\n").splitlines(),
                fresh.stdout.rstrip("\n").splitlines(),
                f"recorded ({shown_as}, {recorded.versions})",
                f"this run ({fresh.versions})",
                lineterm="",
            )
        )
        problem = (
            f"{fresh.snippet} printed something other than its page shows:\n{diff}\n"
            "If the new output is right, run `make outputs` and commit the change."
        )
    elif [(f["file"], f["alt"]) for f in fresh.figures] != [(f["file"], f["alt"]) for f in recorded.figures]:
        problem = f"{fresh.snippet} now saves other figures than its page shows: run `make outputs`"
    note = kernels_note(recorded) if problem else None
    return f"{problem}\n{note}" if note else problem


def only_the_kernels_differ(recorded: outputs.Recording, fresh: outputs.Recording) -> bool:
    """True when a fresh run shows what the recording shows (text, models, versions, figures'
    names and alt text) and was only made on other CPU kernels: a figure's bytes may then differ
    in what the printed values round away, and re-recording would rewrite a lesson nobody touched."""
    return (
        not recorded.pending_on
        and recorded.determinism != fresh.determinism
        and recorded.stdout == fresh.stdout
        and recorded.models == fresh.models
        and recorded.versions == fresh.versions
        and [(f["file"], f["alt"]) for f in recorded.figures] == [(f["file"], f["alt"]) for f in fresh.figures]
    )


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
