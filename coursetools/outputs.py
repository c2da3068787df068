"""Recorded outputs: what each snippet printed, with the weights and versions that printed it.

Each snippet `snippets/<lesson>/<name>.py` has `snippets/<lesson>/outputs/<name>.md`, which the
lesson page includes under the code. The file is written only by `make outputs`
(pytest --update-outputs) from a real run; the tests compare every fresh run against it.
Output printed by a stand-in model, or by a run that needed the Hub offline, is never
recorded: such a file says the output is pending.

The header carries a digest of the recording's data (its header fields and the printed text),
and the rest of the file must be exactly what `render()` makes of that data. So an edit by hand
to the text, the header or both is caught by the build and the tests even when this machine
can't reproduce the output (other weights, a stand-in base): only `make outputs` writes these.

A figure the snippet saved is recorded beside it, `outputs/<name>-<file it saved>.png`; the
header names it with its SHA-256 and alt text, so an edited or missing figure is caught the same
way. The page shows it under the printed output (the build publishes it as
`lessons/<lesson>/figures/…`, coursetools.plugin). A run whose numbers depend on more than the
weights and versions (a training run: the CPU's instruction set) records that too, under
`determinism`, and the provenance line names it.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from coursetools import cost

HEADER = re.compile(r"^<!-- course:output (\{.*\}) -->\n", re.S | re.M)
MODEL_NAMES = {
    "HuggingFaceTB/SmolLM2-135M": "SmolLM2-135M (base)",
    "HuggingFaceTB/SmolLM2-135M-Instruct": "SmolLM2-135M-Instruct",
}
# What a pending output needs, as the reader should read it.
NEEDS = {
    "HuggingFaceTB/SmolLM2-135M": "the real SmolLM2-135M (base)",
    "HuggingFaceTB/SmolLM2-135M-Instruct": "the real SmolLM2-135M-Instruct",
    "the Hugging Face Hub": "the Hugging Face Hub",
}
FIX = "recorded outputs are written only by `make outputs`; run it (or `git checkout` the file) instead of editing"
FIGURES_URL = "figures"  # where a lesson page finds its figures, relative to the page
# How the provenance line names what a training run's numbers depend on.
DETERMINISM_NAMES = {"cpu": "{} kernels"}


class TamperedRecording(ValueError):
    """The file is not what `make outputs` wrote."""

    def __init__(self, where: Path, line: int, message: str):
        self.where, self.line, self.message = where, line, message
        super().__init__(f"{where}:{line}: {message}; {FIX}")


@dataclass
class Recording:
    snippet: str
    stdout: str | None  # None while pending
    models: dict[str, dict]  # repo id -> {"weights": weights_id, "label": human label}
    versions: dict[str, str]
    pending_on: list[str]
    # Each figure: {"file", "alt", "sha256", "width", "height"}; the bytes to write, by file name.
    figures: list[dict] = field(default_factory=list)
    determinism: dict[str, str] = field(default_factory=dict)  # e.g. {"cpu": "AVX2"} for a training run
    figure_data: dict[str, bytes] = field(default_factory=dict, repr=False, compare=False)
    # What the block took in a fresh process when it was recorded (coursetools.cost): it says
    # nothing about the output, so it isn't compared, but its digest keeps it from hand edits.
    cost: dict = field(default_factory=dict, compare=False)


def output_path(snippet: Path) -> Path:
    return snippet.parent / "outputs" / f"{snippet.stem}.md"


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def figure_file(snippet: Path, saved_as: str) -> str:
    """The recorded name of a figure the snippet saved as `saved_as` (loss.png -> 05_train-loss.png)."""
    return f"{snippet.stem}-{Path(saved_as).name}"


def png_size(data: bytes) -> tuple[int, int]:
    """Width and height from a PNG's header."""
    if data[:8] != b"\x89PNG\r\n\x1a\n" or data[12:16] != b"IHDR":
        raise ValueError("not a PNG file")
    return int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def _meta(rec: Recording) -> dict:
    meta = {"snippet": rec.snippet, "models": rec.models, "versions": rec.versions, "pending_on": rec.pending_on}
    # Only when there are some, so recordings without them stay as they were written.
    if rec.figures:
        meta["figures"] = rec.figures
    if rec.determinism:
        meta["determinism"] = rec.determinism
    if rec.cost:
        meta["cost"] = rec.cost
    return meta


def digest(rec: Recording) -> str:
    # Trailing newlines are not shown (render strips them), so they are not part of the record.
    printed = rec.stdout.rstrip("\n") + "\n" if rec.stdout is not None else ""
    data = json.dumps(_meta(rec), sort_keys=True) + "\n" + printed
    return hashlib.sha256(data.encode("utf-8")).hexdigest()


def provenance(rec: Recording, strong: str) -> str:
    """Which weights printed it, with which libraries, on what CPU: worded once for the page and the
    notebook. `strong` formats a model's name ("<strong>{}</strong>" in HTML, "**{}**" in Markdown)."""
    printed_by = "; ".join(
        f"{strong.format(MODEL_NAMES.get(repo, repo))} from {info['label']}"
        for repo, info in sorted(rec.models.items())
    )
    versions = " · ".join(f"{name} {version}" for name, version in sorted(rec.versions.items()))
    cpu = ", ".join(DETERMINISM_NAMES.get(key, "{}").format(value) for key, value in sorted(rec.determinism.items()))
    return f"{printed_by} · {versions} · on a CPU{f' ({cpu})' if cpu else ''}"


def render(rec: Recording) -> str:
    meta = {**_meta(rec), "sha256": digest(rec)}
    head = f"<!-- course:output {json.dumps(meta, sort_keys=True)} -->\n"
    if rec.stdout is None:
        needs = " and ".join(NEEDS.get(m, m) for m in rec.pending_on)
        return head + (
            '!!! info "Output not recorded yet"\n\n'
            f"    This block needs {needs}. No run with it has been recorded yet: outputs like\n"
            "    this one are recorded where the Hugging Face Hub is reachable. Run the block yourself\n"
            "    to see what it prints: every output on this site comes from a real run, never from a\n"
            "    stand-in.\n"
        )
    fence = _fence(rec.stdout)
    body = ""
    if rec.stdout.strip() or not rec.figures:
        body += f'{fence} {{ .text .course-output title="Output" }}\n{rec.stdout.rstrip(chr(10))}\n{fence}\n\n'
    for figure in rec.figures:
        alt = re.sub(r"([\\\[\]])", r"\\\1", figure["alt"])
        body += (
            f"![{alt}]({FIGURES_URL}/{figure['file']})"
            f'{{ .course-figure width="{figure["width"]}" height="{figure["height"]}" }}\n\n'
        )
    ran = f'<span class="course-cost">{cost.block_words(rec.cost)}</span> ' if rec.cost else ""
    return (
        head
        + body
        + (
            f'<p class="course-provenance">{ran}Printed by {provenance(rec, "<strong>{}</strong>")}. '
            "Checked on every change by the course's tests.</p>\n"
        )
    )


def parse(text: str, where: Path, exact: bool = True) -> Recording:
    """The recording in `text`; raises TamperedRecording when it isn't what `make outputs` wrote.

    `exact=False` accepts a file whose data is intact (its digest matches) but whose rendering
    is older than render(): how `make outputs` carries a recording it can't redo here (say, made
    with the real base) over a change of the page format."""
    match = HEADER.search(text)
    if not match or match.start() != 0:
        raise TamperedRecording(where, 1, "not a recorded output (no course:output header on line 1)")
    try:
        meta = json.loads(match.group(1))
        stdout = None
        if not meta.get("pending_on"):
            body = text[match.end() :]
            fence = re.match(r"(`{3,}) \{[^}]*\}\n", body)
            if fence is None and meta.get("figures"):
                stdout = ""  # a figure and nothing printed
            else:
                end = body.index("\n" + fence.group(1) + "\n", fence.end() - 1)
                stdout = body[fence.end() : end] + "\n"
        rec = Recording(
            meta["snippet"],
            stdout,
            meta["models"],
            meta["versions"],
            meta["pending_on"],
            meta.get("figures", []),
            meta.get("determinism", {}),
            cost=meta.get("cost", {}),
        )
    except (ValueError, KeyError, TypeError, AttributeError) as error:
        raise TamperedRecording(where, 1, f"recorded output can't be read ({error})") from None
    if meta.get("sha256") != digest(rec):
        raise TamperedRecording(where, 1, "recorded output was edited: its digest no longer matches")
    for figure in rec.figures:
        image = where.parent / figure["file"]
        if not image.is_file() or hashlib.sha256(image.read_bytes()).hexdigest() != figure["sha256"]:
            raise TamperedRecording(where, 1, f"figure {figure['file']} is missing or was edited")
    expected = render(rec)
    if exact and expected != text:
        lines, wanted = text.splitlines(), expected.splitlines()
        line = next((n for n, (a, b) in enumerate(zip(lines, wanted), 1) if a != b), min(len(lines), len(wanted)) + 1)
        raise TamperedRecording(where, line, "recorded output was edited on this line")
    return rec


def read(path: Path, exact: bool = True) -> Recording | None:
    return parse(path.read_text(encoding="utf-8"), path, exact) if path.is_file() else None


def write(path: Path, rec: Recording) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(rec), encoding="utf-8")
    for name, data in rec.figure_data.items():
        (path.parent / name).write_bytes(data)
    kept = {figure["file"] for figure in rec.figures}
    for stale in path.parent.glob(f"{path.stem}-*.png"):
        if stale.name not in kept:
            stale.unlink()


def unrecorded_figures(outputs_dir: Path) -> list[Path]:
    """Figures in an outputs folder that no recording there names (left over: delete them)."""
    named = set()
    for recording in outputs_dir.glob("*.md"):
        match = HEADER.search(recording.read_text(encoding="utf-8"))
        if match:
            named |= {figure["file"] for figure in json.loads(match.group(1)).get("figures", [])}
    return sorted(p for p in outputs_dir.glob("*.png") if p.name not in named)


def by_lesson(snippets_dir: Path) -> dict[str, list[tuple[Path, Recording]]]:
    """Every recorded output under `snippets_dir`, grouped by lesson (its snippets folder)."""
    found: dict[str, list[tuple[Path, Recording]]] = {}
    for path in sorted(Path(snippets_dir).glob("*/outputs/*.md")):
        found.setdefault(path.parent.parent.name, []).append((path, read(path)))
    return found


def lesson_recordings(lesson, snippets_dir: Path) -> list[tuple[Path, Recording]]:
    """(path, Recording) of every recorded output the lesson's page includes, in page order."""
    found = []
    for include in lesson.includes:
        path = snippets_dir / include.target
        if include.kind == "output" and path.is_file():
            found.append((path, read(path)))
    return found
