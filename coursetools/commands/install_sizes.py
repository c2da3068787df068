"""What the course's install line downloads on each kind of machine, from the package indexes' own
file listings (PyPI's JSON simple API gives every file's size; nothing is downloaded but metadata).

    .venv/bin/python -m coursetools install-sizes [--wheels /opt/wheels]

For each platform it resolves the home page's install line (render.installs: every lesson's
packages, pinned) the way pip would for that platform (markers evaluated for it, the newest
version a range allows, a wheel for its tags), then adds up the wheels' sizes. torch is resolved
twice on Linux: PyPI's build (CUDA, with its NVIDIA libraries) and PyTorch's CPU build, whose
index this machine may not reach: `--wheels` names a folder holding that wheel (same file name,
same file) to size it from. The numbers go in README ("What the install line downloads").
"""

from __future__ import annotations

import argparse
import importlib.metadata
import json
import re
import sys
import urllib.error
import urllib.request
from pathlib import Path

from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
from packaging.utils import canonicalize_name, parse_wheel_filename
from packaging.version import Version

from coursetools import render, settings
from coursetools.lessons import load_course
from coursetools.repo import ROOT

SIMPLE = "https://pypi.org/simple/{}/"
PLATFORMS = {
    "Linux x86-64 (no GPU)": {
        "env": {"sys_platform": "linux", "platform_system": "Linux", "platform_machine": "x86_64"},
        "tags": ("manylinux", "x86_64"),
    },
    "macOS (Apple silicon)": {
        "env": {"sys_platform": "darwin", "platform_system": "Darwin", "platform_machine": "arm64"},
        "tags": ("macosx", "arm64"),
    },
    "Windows x86-64": {
        "env": {"sys_platform": "win32", "platform_system": "Windows", "platform_machine": "AMD64"},
        "tags": ("win", "amd64"),
    },
}
PYTHON = "3.11"
UNREAD: set[str] = set()  # wheels whose requirements the index doesn't serve


def _files(name: str, cache: dict) -> list[dict]:
    if name not in cache:
        request = urllib.request.Request(SIMPLE.format(name), headers={"Accept": "application/vnd.pypi.simple.v1+json"})
        with urllib.request.urlopen(request, timeout=60) as answer:
            cache[name] = json.load(answer)["files"]
    return cache[name]


def _fits(filename: str, tags: tuple[str, str]) -> bool:
    _, _, _, wheel_tags = parse_wheel_filename(filename)
    for tag in wheel_tags:
        python_ok = tag.interpreter in ("py3", "cp311", "py311") or tag.abi == "abi3"
        platform_ok = tag.platform == "any" or (tag.platform.startswith(tags[0]) and tag.platform.endswith(tags[1]))
        if tag.platform.startswith("win") and tags[0] == "win":
            platform_ok = tag.platform == "win_amd64"
        if python_ok and platform_ok:
            return True
    return False


def _installed(name: str) -> Version | None:
    try:
        return Version(importlib.metadata.version(name))
    except importlib.metadata.PackageNotFoundError:
        return None


def _pick(name: str, spec: SpecifierSet, tags, cache) -> dict | None:
    """The wheel to count: the version the tests use where the specifier allows it (sizes barely
    move between a library's releases, and its metadata is at hand), else the newest allowed, with
    a wheel for these tags."""
    here = _installed(name)
    if here is not None and here in spec:
        spec = SpecifierSet(f"=={here.public}")
    best = None
    for file in _files(name, cache):
        if not file["filename"].endswith(".whl") or file.get("yanked"):
            continue
        try:
            _, version, _, _ = parse_wheel_filename(file["filename"])
        except ValueError:
            continue
        if version.is_prerelease or version.local or version not in spec or not _fits(file["filename"], tags):
            continue
        if best is None or version > best[0]:
            best = (version, file)
    return best and best[1]


def _requires(file: dict) -> list[str]:
    name, version, _, _ = parse_wheel_filename(file["filename"])
    if _installed(name) == version and not file.get("core-metadata"):
        return importlib.metadata.requires(name) or []  # the index doesn't serve this wheel's metadata
    try:
        with urllib.request.urlopen(file["url"] + ".metadata", timeout=60) as answer:
            text = answer.read().decode("utf-8")
    except urllib.error.HTTPError:
        UNREAD.add(file["filename"])  # counted, without what it requires
        return []
    return [line.removeprefix("Requires-Dist: ") for line in text.splitlines() if line.startswith("Requires-Dist: ")]


def resolve(
    pins: list[str], platform: dict, cache: dict, replace: dict | None = None
) -> dict[str, tuple[Version, int]]:
    """{name: (version, wheel size)} for `pins` and everything they require on `platform`.
    `replace` gives a name's (version, size) from elsewhere (the CPU index), without its requirements."""
    env = {**platform["env"], "python_version": PYTHON, "python_full_version": PYTHON + ".0", "extra": ""}
    found: dict[str, tuple[Version, int]] = {}
    todo = [Requirement(pin) for pin in pins]
    while todo:
        requirement = todo.pop()
        name = canonicalize_name(requirement.name)
        if name in found:
            continue
        if replace and name in replace:
            found[name] = replace[name]
            continue
        file = _pick(name, requirement.specifier, platform["tags"], cache)
        if file is None:
            raise SystemExit(f"no wheel of {requirement} for {platform['tags']}")
        found[name] = (parse_wheel_filename(file["filename"])[1], file["size"])
        for line in _requires(file):
            dependency = Requirement(line)
            extras = requirement.extras or {""}
            if dependency.marker is None or any(dependency.marker.evaluate({**env, "extra": e}) for e in extras):
                todo.append(dependency)
    return found


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools install-sizes", description=__doc__.split("\n\n")[0])
    parser.add_argument("--wheels", type=Path, help="a folder holding torch's CPU wheel (torch-<v>+cpu-cp311-…)")
    args = parser.parse_args(argv)
    lessons = load_course(ROOT / "docs", ROOT / "snippets")
    line = render.installs(ROOT, ROOT / "mkdocs.yml", settings.read(ROOT / "mkdocs.yml").install, lessons)[""]
    pins = [word for word in line.split()[2:] if "==" in word]
    torch = next(Version(pin.split("==")[1]) for pin in pins if pin.startswith("torch=="))
    cache: dict = {}
    print(f"`{line}` (Python {PYTHON}):")
    for label, platform in PLATFORMS.items():
        everything = resolve(pins, platform, cache)
        total = sum(size for _, size in everything.values())
        torch_part = sum(
            size for name, (_, size) in everything.items() if name == "torch" or re.match(r"nvidia|cuda|triton", name)
        )
        print(
            f"- {label}, torch from PyPI: {total / 1e9:.2f} GB, of which torch and its GPU libraries {torch_part / 1e9:.2f} GB"
        )
        if platform["tags"][0] == "manylinux" and args.wheels:
            cpu = next(args.wheels.glob(f"torch-{torch}+cpu-cp311-cp311-manylinux*_x86_64.whl"), None)
            if cpu is None:
                print(f"  (no torch-{torch}+cpu wheel in {args.wheels}: the CPU build is not sized)")
                continue
            # The CPU wheel requires what PyPI's does, less the GPU libraries: its size replaces theirs.
            cpu_only = {n: v for n, v in everything.items() if not (n == "torch" or re.match(r"nvidia|cuda|triton", n))}
            cpu_total = sum(size for _, size in cpu_only.values()) + cpu.stat().st_size
            print(
                f"- {label}, torch from {render.CPU_TORCH_INDEX} (the course's line): {cpu_total / 1e9:.2f} GB, "
                f"of which torch {cpu.stat().st_size / 1e9:.2f} GB"
            )
    if UNREAD:
        print(f"(counted without their own requirements, which the index doesn't serve: {', '.join(sorted(UNREAD))})")
    return 0


if __name__ == "__main__":
    sys.exit(main())
