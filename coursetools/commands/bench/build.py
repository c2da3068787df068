"""`make bench`, part 3: `mkdocs build --strict`, and how it grows with lessons (temp copies of
the course with synthetic copies of the first lesson)."""

from __future__ import annotations

import re
import shutil
import statistics
import subprocess
import time
from pathlib import Path

from coursetools.repo import ROOT

from .common import BUILD_ENV, LESSON, PY


def _mkdocs_build(project: Path, out: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        [PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        cwd=project,
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}")
    return wall


def _copy_project(dest: Path) -> None:
    """The files a build reads, plus the warm mkdocs-jupyter cache; nothing else."""
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for requirements in ROOT.glob("requirements*.txt"):  # the install line is pinned from them
        shutil.copy2(requirements, dest / requirements.name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("docs", "snippets", "coursetools", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    if (ROOT / ".cache" / "mkdocs-jupyter").is_dir():
        shutil.copytree(ROOT / ".cache" / "mkdocs-jupyter", dest / ".cache" / "mkdocs-jupyter")


def _add_synthetic_lessons(project: Path, count: int) -> None:
    """`count` copies of the first lesson, each with its own slug, number, key terms and nav
    entries, so the course validator accepts them exactly as it would real lessons."""
    import yaml

    source = project / "docs" / "lessons" / LESSON
    text = (source / "index.md").read_text()
    terms = yaml.safe_load((source / "terms.yml").read_text())
    nav_lines = []
    for k in range(1, count + 1):
        tag = f"b{k:03d}"  # a word of its own, so term names stay distinct and match \b…\b
        slug = f"bench-{k:03d}"
        folder = project / "docs" / "lessons" / slug
        folder.mkdir()
        shutil.copy2(source / "quiz.yml", folder / "quiz.yml")
        new_terms = [
            {
                "id": f"{t['id']}-{tag}",
                "term": f"{t['term']} {tag}",
                "aliases": [f"{a} {tag}" for a in t.get("aliases") or []],
                "definition": t["definition"],
            }
            for t in terms
        ]
        (folder / "terms.yml").write_text(yaml.safe_dump(new_terms, sort_keys=False, allow_unicode=True))
        title = f"Synthetic lesson {k}"
        page = re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M)
        page = re.sub(r"^track: .*$", "track: 9", page, count=1, flags=re.M)
        page = re.sub(r"^order: .*$", f"order: {k}", page, count=1, flags=re.M)
        uses = ", ".join(t["term"] for t in new_terms)
        page = page.replace(
            "\n## Key terms", f"\nThis synthetic copy names its own key terms: {uses}.\n\n## Key terms", 1
        )
        (folder / "index.md").write_text(page)
        nav_lines.append(f"      - 9.{k} {title}: lessons/{slug}/index.md")
    config = project / "mkdocs.yml"
    lines = config.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("- Glossary:"))
    lines[at:at] = ["  - Track 9 · Benchmark copies:", *nav_lines]
    config.write_text("\n".join(lines) + "\n")
    # A build refuses a lesson without its committed notebook: write them, as `make notebooks` does.
    subprocess.run([PY, "-m", "coursetools", "notebooks", "--root", "."], check=True, capture_output=True, cwd=project)


def bench_build(tmp: Path, repeats: int = 3) -> dict:
    site = tmp / "site"
    # The repository as it is: one warm-up build (fills caches, writes notebooks if missing),
    # then the median of `repeats` timed builds.
    project = tmp / "project-0"
    _copy_project(project)
    _mkdocs_build(project, site)
    times = [_mkdocs_build(project, site) for _ in range(repeats)]
    growth = {}
    for count in (10, 50):
        project = tmp / f"project-{count}"
        _copy_project(project)
        _add_synthetic_lessons(project, count)
        out = tmp / f"site-{count}"
        _mkdocs_build(project, out)  # warm-up: fills the mkdocs-jupyter cache for the new notebooks
        growth[count] = statistics.median(_mkdocs_build(project, out) for _ in range(repeats))
        shutil.rmtree(out, ignore_errors=True)
    return {
        "build_s": statistics.median(times),
        "build_all_s": times,
        "growth": growth,
        "per_lesson_s": (growth[50] - growth[10]) / 40,
        "site": site,
    }
