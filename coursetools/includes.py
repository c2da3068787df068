"""How a page shows snippets, parsed here and nowhere else: its include lines,
`--8<-- "lesson/01_name.py"` (pymdownx.snippets), and the first line of a snippet that continues
the block above it. The checks, the build hooks, the notebooks and the runner read them here."""

from __future__ import annotations

import re
from dataclasses import dataclass
from pathlib import Path

# Group 1 is the path as written, relative to snippets/, with an optional `:section` suffix.
INCLUDE = re.compile(r"""^[ \t]*-+8<-+[ \t]+["']([^"'\n]+)["']""", re.M)
# The first line of a snippet that continues another: `# Continues the block above (03_add_lora.py).`
CONTINUES = re.compile(r"^# Continues the block above \((\d{2}_[a-z0-9_]+\.py)\)")


@dataclass(frozen=True)
class Include:
    target: str  # the file, relative to snippets/ (without a `:section` suffix)
    start: int  # offsets of the include line in the text it was found in
    end: int
    line: int  # its line in the file the text comes from

    @property
    def kind(self) -> str:
        """ "snippet" (a .py the page shows as code), "output" (a recorded output, written by
        `make outputs`) or "file" (any other included text)."""
        if self.target.endswith(".py"):
            return "snippet"
        parts = self.target.split("/")
        return "output" if self.target.endswith(".md") and len(parts) > 1 and parts[-2] == "outputs" else "file"


def includes(text: str, first_line: int = 1) -> list[Include]:
    """Every include line of `text`, in order; `first_line` is the line `text` starts on."""
    return [
        Include(m.group(1).split(":")[0], m.start(), m.end(), first_line + text.count("\n", 0, m.start()))
        for m in INCLUDE.finditer(text)
    ]


def include_line(line: str) -> Include | None:
    """The include that `line` consists of, or None (nothing but blanks may follow it)."""
    found = includes(line)
    return found[0] if found and not line[found[0].end :].strip() else None


def continues(path: Path) -> Path | None:
    """The snippet this one continues (named on its first line), or None when it stands alone."""
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    found = CONTINUES.match(first)
    return path.parent / found.group(1) if found else None
