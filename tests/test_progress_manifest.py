"""The course manifest (javascripts/course.json) that the reader's progress is computed from
matches the course the build loaded: every lesson, question, version and correct answer."""

from __future__ import annotations

import json

from bs4 import BeautifulSoup

from coursetools import progress, settings
from coursetools.lessons import load_course, track_name
from coursetools.repo import ROOT


def test_the_manifest_lists_every_lesson_and_question(built_site):
    manifest_path = built_site / progress.MANIFEST
    manifest = json.loads(manifest_path.read_text(encoding="utf-8"))
    lessons = load_course(ROOT / "docs", ROOT / "snippets")
    assert manifest["format"] == progress.FORMAT

    tracks = settings.read(ROOT / "mkdocs.yml").tracks
    assert all(track["name"] == track_name(tracks, track["number"]) for track in manifest["tracks"])
    assert any(track["name"] for track in manifest["tracks"]), "the tracks' names from mkdocs.yml"
    listed = [(track["number"], lesson) for track in manifest["tracks"] for lesson in track["lessons"]]
    assert [lesson["slug"] for _, lesson in listed] == [lesson.slug for lesson in lessons]
    for (track, entry), lesson in zip(listed, lessons):
        assert track == lesson.track
        assert (entry["number"], entry["title"]) == (lesson.number, lesson.title)
        # The URL is relative to the manifest and leads to the lesson's built page.
        page = (manifest_path.parent / entry["url"] / "index.html").resolve()
        assert page == (built_site / "lessons" / lesson.slug / "index.html").resolve()
        assert [(q["id"], q["version"], q["multi"]) for q in entry["questions"]] == [
            (question.id, question.version, question.multi) for question in lesson.questions
        ]
        for listed_question, question in zip(entry["questions"], lesson.questions):
            marked = [option.correct for option in question.options]
            assert [i in listed_question["correct"] for i in range(listed_question["options"])] == marked
        # The quiz on the page saves its answers under the manifest's namespace.
        form = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select_one("form.course-quiz")
        assert form["data-quiz"] == f"{manifest['namespace']}:{lesson.slug}"
