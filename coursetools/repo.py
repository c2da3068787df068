"""The course's checkout: where it is, and the environment a fresh clone of it runs in.

ROOT is the checkout this package was imported from. The Makefile runs every command as
`python -m …` from a checkout's root, which puts that checkout first on sys.path, so ROOT is the
checkout the command was run in, even when the venv's editable install points at another.
"""

from __future__ import annotations

import os
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent


def newcomer_env() -> dict:
    """This environment without the running venv first on PATH (as `make test` puts it), so a
    Makefile run in a copy finds the machine's Python, as it does for someone who just cloned."""
    venv_bin = str(Path(sys.executable).parent)
    env = {k: v for k, v in os.environ.items() if k not in ("VIRTUAL_ENV", "PYTHON", "MAKEFLAGS", "MAKELEVEL")}
    env["PATH"] = os.pathsep.join(p for p in env.get("PATH", "").split(os.pathsep) if p != venv_bin)
    return env
