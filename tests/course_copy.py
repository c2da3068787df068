"""A throwaway copy of the course (pages, snippets, config, build code) for tests that break it."""

from __future__ import annotations

import gzip
import itertools
import os
import re
import shutil
import subprocess
import sys
from pathlib import Path

from coursetools.repo import ROOT, newcomer_env  # noqa: F401  (newcomer_env: for the tests that import it here)

# A copy is what a contributor's clone holds: everything but git's folder and what the project's
# commands make (the venv, model caches, built sites, screenshots, test and bytecode caches).
NOT_IN_A_CLONE = (
    ".git",
    ".venv",
    ".cache",
    ".ruff_cache",
    "site",
    "screenshots",
    "htmlcov",
    ".coverage",
    ".coverage.*",
)


def copy_course(destination: Path) -> Path:
    destination.mkdir(parents=True, exist_ok=True)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc", ".pytest_cache")
    for source in sorted(ROOT.iterdir()):
        if any(source.match(pattern) for pattern in NOT_IN_A_CLONE):
            continue
        if source.is_dir():
            shutil.copytree(source, destination / source.name, ignore=ignore, symlinks=True)
        else:
            shutil.copy2(source, destination / source.name)
    return destination


# The engines the course builds with (README, "Maintenance"): MkDocs, and ProperDocs, the
# maintained continuation of MkDocs 1.x, which reads the same mkdocs.yml, plugins and hooks.
ENGINES = ("mkdocs", "properdocs")


def keep_only(course: Path, slug: str) -> None:
    """Remove every other lesson from the copy (page, snippets, claim tests, nav entry), for tests
    of machinery whose cost would otherwise grow with the course."""
    config = course / "mkdocs.yml"
    for lesson in [p.name for p in (course / "docs" / "lessons").iterdir() if p.is_dir() and p.name != slug]:
        for folder in (course / "docs" / "lessons", course / "snippets", course / "tests" / "snippets"):
            shutil.rmtree(folder / lesson, ignore_errors=True)
        lines = config.read_text(encoding="utf-8").splitlines(keepends=True)
        config.write_text("".join(line for line in lines if f"lessons/{lesson}/" not in line), encoding="utf-8")


def build(course: Path, site: Path, engine: str = "mkdocs") -> subprocess.CompletedProcess:
    """`<engine> build --strict` of the copy into `site`; stdout and stderr together in .stdout."""
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
    return subprocess.run(
        [sys.executable, "-m", engine, "build", "--strict", "--site-dir", str(site)],
        cwd=course,
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def make_with_this_venv(course: Path, *args: str, env: dict | None = None) -> subprocess.CompletedProcess:
    """`make -C <copy> VENV=<the venv running the tests> …`, stdout and stderr together. Its layers
    are never (re)installed from the copy (make -o), which would point the venv's editable install
    of coursetools at the copy; the Makefile runs the copy's own code (tests/test_package.py)."""
    venv = Path(sys.executable).parent.parent
    keep = [f"-o{venv / '.site-installed'}", f"-o{venv / '.installed'}"]
    return subprocess.run(
        ["make", "-C", str(course), f"VENV={venv}", *keep, *args],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def write_notebooks(course: Path) -> None:
    """`make notebooks` in the copy: after a change to a page the build wants fresh notebooks."""
    subprocess.run(
        [sys.executable, "-m", "coursetools", "notebooks", "--root", str(course)],
        cwd=course,  # as `make notebooks` runs it: the copy's own coursetools
        check=True,
        capture_output=True,
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


def _content(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if path.suffix == ".gz" else data  # gzip headers carry a time


def site_differences(a: Path, b: Path, ignore: re.Pattern | None = None) -> list[str]:
    """Every file two built sites don't share, or share with other content once `ignore`'s
    matches are removed from text files, each with the first line that differs."""
    files_a = {p.relative_to(a) for p in a.rglob("*") if p.is_file()}
    files_b = {p.relative_to(b) for p in b.rglob("*") if p.is_file()}
    found = [f"only in {a}: {p}" for p in sorted(files_a - files_b)]
    found += [f"only in {b}: {p}" for p in sorted(files_b - files_a)]
    for rel in sorted(files_a & files_b):
        one, two = _content(a / rel), _content(b / rel)
        if one == two:
            continue
        try:
            one, two = one.decode("utf-8"), two.decode("utf-8")
        except UnicodeDecodeError:
            found.append(f"{rel}: binary files differ")
            continue
        if ignore is not None:
            one, two = ignore.sub("", one), ignore.sub("", two)
        if one != two:
            pairs = itertools.zip_longest(one.splitlines(), two.splitlines(), fillvalue="(end of file)")
            line = next((n, x, y) for n, (x, y) in enumerate(pairs, 1) if x != y)
            found.append(f"{rel}:{line[0]}:\n  - {line[1][:200]}\n  + {line[2][:200]}")
    return found
