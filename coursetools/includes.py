"""The include lines of a page, `--8<-- "lesson/01_name.py"` (pymdownx.snippets): parsed here
and nowhere else, for the checks, the build hooks and the notebooks."""

from __future__ import annotations

import re
from dataclasses import dataclass

# Group 1 is the path as written, relative to snippets/, with an optional `:section` suffix.
INCLUDE = re.compile(r"""^[ \t]*-+8<-+[ \t]+["']([^"'\n]+)["']""", re.M)


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
