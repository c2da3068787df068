"""How CI splits the suite so its time stays flat as lessons are added: one shard per track for the
model work (each lesson's claim tests, its recordings compared with fresh runs, its notebook run
in a kernel) and one for the platform (site, builds, browser, everything else).

`pytest --shard=<name>` keeps one shard's tests (tests/conftest.py); `python -m coursetools shards`
prints the shards as JSON for the workflow's matrix (.github/workflows/test.yml). `.ci/run` still
runs `make test` whole. The split is computed from the course's own data: a new lesson lands in
its track's shard, a new track gets a shard of its own.
"""

from __future__ import annotations

import json
import sys
from pathlib import Path

PLATFORM = "platform"
# The tests that run a lesson's models, by file; they are parametrized by the lesson's slug, or by
# a snippet path that starts with it. The claim tests under tests/snippets/<slug>/ are the lesson's too.
MODEL_WORK = {
    "test_recorded_outputs.py": "test_output_matches_recording",
    "test_notebook.py": "test_the_notebook_prints_its_stored_outputs_in_a_fresh_kernel",
}


def track_shard(track) -> str:
    return f"track-{track}"


def by_lesson(lessons) -> dict[str, str]:
    """Each lesson's slug -> the shard that runs its model work."""
    return {lesson.slug: track_shard(lesson.track) for lesson in lessons}


def names(lessons) -> list[str]:
    return [PLATFORM, *sorted(set(by_lesson(lessons).values()))]


def lesson_of(path: Path, name: str, param_id: str | None, slugs) -> str | None:
    """The lesson whose model work a test item is, or None for a platform test."""
    if path.parent.parent.name == "snippets" and path.parent.parent.parent.name == "tests":
        return path.parent.name
    if MODEL_WORK.get(path.name) == name.split("[")[0] and param_id:
        head = param_id.split("/")[0]
        return head if head in slugs else None
    return None


def coverage_args(shard: str, shard_of: dict[str, str]) -> list[str]:
    """pytest-cov arguments that hold a track's snippets to 100 % (the platform runs none)."""
    folders = [f"--cov=snippets/{slug}" for slug, s in sorted(shard_of.items()) if s == shard]
    return [*folders, "--cov-report=term-missing", "--cov-fail-under=100"] if folders else []


def main(argv: list[str] | None = None) -> int:
    import argparse

    from coursetools.lessons import ROOT, load_course

    parser = argparse.ArgumentParser(prog="python -m coursetools shards", description=__doc__.split("\n")[0])
    parser.add_argument("--coverage-args", metavar="SHARD", help="print the pytest-cov arguments for SHARD")
    parser.add_argument("--names", action="store_true", help="print the shards' names as a JSON list (the matrix)")
    args = parser.parse_args(argv)
    lessons = load_course(ROOT / "docs", ROOT / "snippets")
    shard_of = by_lesson(lessons)
    if args.coverage_args:
        print(" ".join(coverage_args(args.coverage_args, shard_of)))
        return 0
    if args.names:
        print(json.dumps(names(lessons)))
        return 0
    print(
        json.dumps(
            [
                {"shard": shard, "lessons": sorted(slug for slug, s in shard_of.items() if s == shard)}
                for shard in names(lessons)
            ]
        )
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
