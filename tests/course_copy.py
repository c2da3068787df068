"""A throwaway copy of the course (pages, snippets, config, build code) for tests that break it."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
# Everything a contributor's clone has that builds or tests the course (not .venv, .cache, site).
PARTS = (
    "docs",
    "snippets",
    "coursetools",
    "overrides",
    "tests",
    "tools",
    "mkdocs.yml",
    "ruff.toml",
    "pytest.ini",
    ".coveragerc",
    "Makefile",
    "requirements.txt",
    "requirements-models.txt",
    "README.md",
    "CONTRIBUTING.md",
    ".gitignore",
)


def copy_course(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for part in PARTS:
        source = ROOT / part
        if source.is_dir():
            shutil.copytree(source, destination / part, ignore=ignore)
        elif source.is_file():
            shutil.copy2(source, destination / part)
    return destination


def build(course: Path, site: Path) -> subprocess.CompletedProcess:
    """`mkdocs build --strict` of the copy into `site`; stdout and stderr together in .stdout."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", "mkdocs", "build", "--strict", "--site-dir", str(site)],
        cwd=course,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def write_notebooks(course: Path) -> None:
    """`make notebooks` in the copy: after a change to a page the build wants fresh notebooks."""
    subprocess.run(
        [sys.executable, "-m", "coursetools.notebook", "--root", str(course)], check=True, capture_output=True
    )


def edit(path: Path, old: str, new: str, count: int = 1) -> None:
    """Replace `old` (which must be there) in a file of the copy."""
    text = path.read_text(encoding="utf-8")
    assert old in text, f"{old!r} is not in {path}"
    path.write_text(text.replace(old, new, count), encoding="utf-8")


def line_of(path: Path, needle: str, occurrence: int = 1) -> int:
    """The line number of the `occurrence`-th line of `path` containing `needle`."""
    hits = [n for n, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1) if needle in line]
    assert len(hits) >= occurrence, f"{needle!r} is not in {path} {occurrence} time(s)"
    return hits[occurrence - 1]
