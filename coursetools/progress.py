"""The course manifest: what the reader's browser needs to know to show their progress.

The course plugin publishes it as `javascripts/course.json` (MANIFEST), beside the scripts that read it
(docs/javascripts/progress.js): every lesson with its track, number, title and page, and every
question with its id, version, number of options and correct option(s). The browser counts a
saved answer only when its key names a question and version listed here, so bumping a
question's version in quiz.yml makes older answers count as unanswered everywhere.
"""

from __future__ import annotations

import json
import posixpath

from .lessons import Lesson, track_name

MANIFEST = "javascripts/course.json"
FORMAT = "slm-course-manifest"


def manifest(lessons: list[Lesson], tracks: dict, namespace: str, urls: dict[str, str]) -> dict:
    """`urls` maps each lesson's src_uri to its page URL relative to the site root."""
    here = posixpath.dirname(MANIFEST)
    out = []
    for number in sorted({lesson.track for lesson in lessons}):
        out.append(
            {
                "number": number,
                "name": track_name(tracks, number),
                "lessons": [
                    {
                        "slug": lesson.slug,
                        "number": lesson.number,
                        "title": lesson.title,
                        "url": _relative(urls[lesson.src_uri], here),
                        "questions": [
                            {
                                "id": question.id,
                                "version": question.version,
                                "options": len(question.options),
                                "multi": question.multi,
                                "correct": [i for i, option in enumerate(question.options) if option.correct],
                            }
                            for question in lesson.questions
                        ],
                    }
                    for lesson in lessons
                    if lesson.track == number
                ],
            }
        )
    return {"format": FORMAT, "namespace": namespace, "tracks": out}


def manifest_json(lessons: list[Lesson], tracks: dict, namespace: str, urls: dict[str, str]) -> str:
    return json.dumps(manifest(lessons, tracks, namespace, urls), ensure_ascii=False, separators=(",", ":"))


def _relative(url: str, start: str) -> str:
    """A page URL relative to the manifest's folder, so the site works under any base path."""
    relative = posixpath.relpath(url.rstrip("/") or ".", start)
    return relative + "/" if url.endswith("/") or not url else relative
