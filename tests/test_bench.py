"""`make bench` measures the build on copies of the course grown with synthetic lessons. Those
copies must build like the real course, or the benchmark dies on a change to the site and
nobody notices until the next time someone runs it (it happened: notebooks became required)."""

from __future__ import annotations

from coursetools.commands.bench import build as bench


def test_a_course_grown_with_synthetic_lessons_builds(tmp_path):
    project = tmp_path / "project"
    bench._copy_project(project)
    bench._add_synthetic_lessons(project, 2)
    bench._mkdocs_build(project, tmp_path / "site")  # raises with the build's output when it fails
    for k in (1, 2):
        assert (tmp_path / "site" / "lessons" / f"bench-{k:03d}" / "index.html").is_file()
