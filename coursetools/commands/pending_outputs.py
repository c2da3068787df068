"""How many of each lesson's outputs are still pending: a Markdown table on stdout.

A recorded output is pending when no run on the real models has printed it yet (its header
lists the models it waits for in `pending_on`; the page says "Output not recorded yet"). The
Pages workflow appends this table to its job summary; here it runs the same way:

    python -m coursetools pending

Lessons come from the course itself (docs/lessons, validated as the build validates them), so
a new lesson gets its row with nothing to update here.
"""

from __future__ import annotations

import argparse
import sys
from pathlib import Path

from coursetools import outputs
from coursetools.lessons import LessonError, load_course
from coursetools.outputs import MODEL_NAMES
from coursetools.repo import ROOT


def table(root: Path = ROOT) -> str:
    recorded = outputs.by_lesson(root / "snippets")
    lines = [
        "### Recorded outputs",
        "",
        "| lesson | outputs | pending | waiting for |",
        "| --- | --- | --- | --- |",
    ]
    total = pending_total = 0
    lessons = {
        lesson.slug: f"{lesson.number} {lesson.title}" for lesson in load_course(root / "docs", root / "snippets")
    }
    # Outputs in a snippets folder that no lesson owns still count, under the folder's name.
    lessons.update({slug: f"`snippets/{slug}` (no lesson)" for slug in recorded if slug not in lessons})
    for slug, name in lessons.items():
        files = recorded.get(slug, [])
        pending = [(path, rec) for path, rec in files if rec.pending_on]
        waiting = sorted({MODEL_NAMES.get(m, m) for _, rec in pending for m in rec.pending_on})
        names = ", ".join(f"`{path.stem}`" for path, _ in pending)
        lines.append(
            f"| {name} | {len(files)} | {len(pending)}{': ' + names if names else ''} | {', '.join(waiting)} |"
        )
        total += len(files)
        pending_total += len(pending)
    lines += [
        "",
        f"{pending_total} of {total} outputs pending. The outputs workflow records them on the real models "
        "(`make record-outputs`) and opens a pull request.",
    ]
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    argparse.ArgumentParser(prog="python -m coursetools pending", description=__doc__.split("\n")[0]).parse_args(argv)
    try:
        print(table(), end="")
    except (ValueError, LessonError) as error:  # a malformed recording or lesson: file and fix
        print(f"pending_outputs: {error}", file=sys.stderr)
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
