"""Recorded outputs: what each snippet printed, with the weights and versions that printed it.

Each snippet `snippets/<lesson>/<name>.py` has `snippets/<lesson>/outputs/<name>.md`, which the
lesson page includes under the code. The file is written only by `make outputs`
(pytest --update-outputs) from a real run; the tests compare every fresh run against it.
Output printed by a stand-in model is never recorded: such a file says the output is pending.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from pathlib import Path

HEADER = re.compile(r"^<!-- course:output (\{.*\}) -->\n", re.S | re.M)
MODEL_NAMES = {
    "HuggingFaceTB/SmolLM2-135M": "SmolLM2-135M (base)",
    "HuggingFaceTB/SmolLM2-135M-Instruct": "SmolLM2-135M-Instruct",
}


@dataclass
class Recording:
    snippet: str
    stdout: str | None  # None while pending
    models: dict[str, dict]  # repo id -> {"weights": weights_id, "label": human label}
    versions: dict[str, str]
    pending_on: list[str]


def output_path(snippet: Path) -> Path:
    return snippet.parent / "outputs" / f"{snippet.stem}.md"


def _fence(text: str) -> str:
    longest = max((len(run) for run in re.findall(r"`+", text)), default=0)
    return "`" * max(3, longest + 1)


def render(rec: Recording) -> str:
    meta = {"snippet": rec.snippet, "models": rec.models, "versions": rec.versions, "pending_on": rec.pending_on}
    head = f"<!-- course:output {json.dumps(meta, sort_keys=True)} -->\n"
    if rec.stdout is None:
        names = " and ".join(MODEL_NAMES.get(m, m) for m in rec.pending_on)
        return head + (
            '!!! info "Output not recorded yet"\n\n'
            f"    This block needs the real {names}, and the machine that last recorded this page's\n"
            "    outputs did not have it. Run the block yourself to see what it prints: every output on\n"
            "    this site comes from a real run, never from a stand-in.\n"
        )
    fence = _fence(rec.stdout)
    printed_by = "; ".join(
        f"<strong>{MODEL_NAMES.get(repo, repo)}</strong> from {info['label']}"
        for repo, info in sorted(rec.models.items())
    )
    versions = " · ".join(f"{name} {version}" for name, version in sorted(rec.versions.items()))
    return head + (
        f'{fence} {{ .text .course-output title="Output" }}\n{rec.stdout.rstrip(chr(10))}\n{fence}\n\n'
        f'<p class="course-provenance">Printed by {printed_by} · {versions} · CPU, greedy decoding. '
        "Checked on every change by the course's tests.</p>\n"
    )


def parse(text: str, where: Path) -> Recording:
    match = HEADER.search(text)
    if not match:
        raise ValueError(f"{where}: not a recorded output (no course:output header); regenerate it with `make outputs`")
    meta = json.loads(match.group(1))
    stdout = None
    if not meta.get("pending_on"):
        body = text[match.end() :]
        fence = re.match(r"(`{3,}) \{[^}]*\}\n", body)
        if not fence:
            raise ValueError(f"{where}: recorded output has no code fence; regenerate it with `make outputs`")
        end = body.index("\n" + fence.group(1) + "\n", fence.end() - 1)
        stdout = body[fence.end() : end] + "\n"
    return Recording(
        meta["snippet"], stdout, meta.get("models", {}), meta.get("versions", {}), meta.get("pending_on", [])
    )


def read(path: Path) -> Recording | None:
    return parse(path.read_text(encoding="utf-8"), path) if path.is_file() else None


def write(path: Path, rec: Recording) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(render(rec), encoding="utf-8")


def by_lesson(snippets_dir: Path) -> dict[str, list[tuple[Path, Recording]]]:
    """Every recorded output under `snippets_dir`, grouped by lesson (its snippets folder)."""
    found: dict[str, list[tuple[Path, Recording]]] = {}
    for path in sorted(Path(snippets_dir).glob("*/outputs/*.md")):
        found.setdefault(path.parent.parent.name, []).append((path, read(path)))
    return found
