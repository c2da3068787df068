"""CI's shards (coursetools/shards.py): every lesson's model work runs in its track's shard, the rest
in the platform shard, and the workflow runs exactly the shards the course has."""

from __future__ import annotations

import subprocess
import sys

import yaml

from coursetools import shards
from coursetools.repo import ROOT
from coursetools.runner import SNIPPETS


def test_each_lessons_model_work_is_in_its_tracks_shard(lessons):
    shard_of = shards.by_lesson(lessons)
    for lesson in lessons:
        claims = ROOT / "tests" / "snippets" / lesson.slug / "test_x.py"
        assert shards.lesson_of(claims, "test_it", None, shard_of) == lesson.slug
        snippet = next(p.name for p in sorted((SNIPPETS / lesson.slug).glob("*.py")))
        recorded = ROOT / "tests" / "test_recorded_outputs.py"
        assert shards.lesson_of(recorded, "test_output_matches_recording", f"{lesson.slug}/{snippet}", shard_of)
        run = ROOT / "tests" / "test_notebook.py"
        name = "test_the_notebook_prints_its_stored_outputs_in_a_fresh_kernel"
        assert shards.lesson_of(run, name, lesson.slug, shard_of) == lesson.slug
        assert shard_of[lesson.slug] == f"track-{lesson.track}"


def test_everything_else_is_the_platforms(lessons):
    shard_of = shards.by_lesson(lessons)
    slug = lessons[0].slug
    # Cheap per-lesson checks (is the committed notebook current? is the recording intact?) stay
    # with the platform, which builds the site anyway.
    assert (
        shards.lesson_of(
            ROOT / "tests/test_notebook.py", "test_the_committed_notebook_is_what_its_page_makes", slug, shard_of
        )
        is None
    )
    assert (
        shards.lesson_of(
            ROOT / "tests/test_recorded_outputs.py",
            "test_recording_is_what_make_outputs_wrote",
            f"{slug}/outputs/01.md",
            shard_of,
        )
        is None
    )
    assert shards.lesson_of(ROOT / "tests/test_site.py", "test_home_page", None, shard_of) is None


def test_the_workflow_runs_every_shard_the_plan_prints_and_one_check_needs_them_all():
    workflow = yaml.safe_load((ROOT / ".github/workflows/test.yml").read_text(encoding="utf-8"))
    jobs = workflow["jobs"]
    assert "coursetools shards --names" in jobs["plan"]["steps"][-1]["run"]
    assert jobs["test"]["strategy"]["matrix"]["shard"] == "${{ fromJSON(needs.plan.outputs.shards) }}"
    assert any("make test-shard" in step.get("run", "") for step in jobs["test"]["steps"])
    assert set(jobs["all"]["needs"]) == {"plan", "test"} and jobs["all"]["if"] == "always()"


def test_an_unknown_shard_is_refused_naming_the_courses_shards(lessons):
    done = subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "--shard=track-99", "tests/test_shards.py"],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )
    assert done.returncode != 0
    assert (
        "--shard=track-99: no such shard; the course has " + ", ".join(shards.names(lessons))
        in done.stderr + done.stdout
    )


def _collect(*args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "pytest", "--collect-only", "-q", "-p", "no:randomly", *args],
        cwd=ROOT,
        capture_output=True,
        text=True,
    )


def test_lessons_option_keeps_one_lessons_model_work_and_the_platform(lessons):
    # What the contributor-path test and `make lesson-test` use to leave other lessons' runs out.
    slug = lessons[-1].slug
    files = ["tests/test_notebook.py", "tests/test_recorded_outputs.py", f"tests/snippets/{slug}"]
    done = _collect(f"--lessons={slug}", *files)
    assert done.returncode == 0, done.stdout + done.stderr
    ids = [line for line in done.stdout.splitlines() if "::" in line]
    slugs = {lesson.slug for lesson in lessons}
    owners = {
        shards.lesson_of(ROOT / i.split("::")[0], i.split("::")[1], i.partition("[")[2][:-1] or None, slugs)
        for i in ids
    }
    assert owners == {slug, None}, owners
    everything = [line for line in _collect(*files).stdout.splitlines() if "::" in line]
    assert len(ids) < len(everything) or len(lessons) == 1


def test_lessons_option_refuses_an_unknown_slug():
    done = _collect("--lessons=no-such-lesson", "tests/test_shards.py")
    assert done.returncode != 0
    assert "--lessons: no lesson no-such-lesson" in done.stdout + done.stderr
