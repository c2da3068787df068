"""The course's Python passes ruff's lint and format checks (settings in ruff.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from coursetools.includes import continues
from coursetools.repo import ROOT

RUFF = Path(sys.executable).with_name("ruff")


def _ruff(*args: str, stdin: str | None = None) -> subprocess.CompletedProcess:
    executable = str(RUFF) if RUFF.is_file() else shutil.which("ruff")
    if executable is None:
        pytest.fail("ruff is not installed: `pip install -r requirements.txt`")
    return subprocess.run([executable, *args], cwd=ROOT, input=stdin, capture_output=True, text=True)


def test_ruff_check_passes():
    result = _ruff("check", "--no-cache", ".")
    assert result.returncode == 0, f"ruff check found problems (`ruff check --fix` fixes some):\n{result.stdout}"


def test_ruff_format_leaves_every_file_unchanged():
    result = _ruff("format", "--check", "--no-cache", ".")
    assert result.returncode == 0, f"run `ruff format` on these files:\n{result.stdout}"


CONTINUING = sorted(p for p in (ROOT / "snippets").glob("*/*.py") if continues(p))


@pytest.mark.parametrize("snippet", CONTINUING, ids=[p.name for p in CONTINUING])
def test_a_block_that_continues_another_uses_only_names_defined_above(snippet):
    """snippets/ruff.toml lets ruff skip undefined names in such a block; here it is joined to
    the blocks it continues, in order, as a reader pastes them, and every name must resolve."""
    chain = [snippet]
    while continues(chain[0]):
        chain.insert(0, continues(chain[0]))
    joined = "\n".join(path.read_text() for path in chain)
    result = _ruff("check", "--no-cache", "--select", "F821", "--stdin-filename", "joined_blocks.py", "-", stdin=joined)
    assert result.returncode == 0, f"names not defined in {snippet.name} or the blocks above it:\n{result.stdout}"
