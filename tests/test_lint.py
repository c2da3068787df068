"""The course's Python passes ruff's lint and format checks (settings in ruff.toml)."""

from __future__ import annotations

import shutil
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
RUFF = Path(sys.executable).with_name("ruff")


def _ruff(*args: str) -> subprocess.CompletedProcess:
    executable = str(RUFF) if RUFF.is_file() else shutil.which("ruff")
    if executable is None:
        pytest.fail("ruff is not installed: `pip install -r requirements.txt`")
    return subprocess.run([executable, *args], cwd=ROOT, capture_output=True, text=True)


def test_ruff_check_passes():
    result = _ruff("check", "--no-cache", ".")
    assert result.returncode == 0, f"ruff check found problems (`ruff check --fix` fixes some):\n{result.stdout}"


def test_ruff_format_leaves_every_file_unchanged():
    result = _ruff("format", "--check", "--no-cache", ".")
    assert result.returncode == 0, f"run `ruff format` on these files:\n{result.stdout}"
