"""`make lesson` starts a lesson that the build refuses until every TODO is written, then accepts.

The scaffold runs into a temporary copy of the course. Nothing here executes a model: the
scaffolded snippet is only built and validated.
"""

from __future__ import annotations

import ast
import re
import subprocess
import sys
from pathlib import Path

import pytest
from course_copy import ROOT, build, copy_course

from coursetools import claims, scaffold
from coursetools.lessons import LessonError, load_course, nav_pages

# Never a real lesson's slug: the course's own lessons are computed, not assumed.
SLUG, TITLE = "zz-scaffold-check", "Scaffold check"


def _nav(course: Path):
    return scaffold.read_config((course / "mkdocs.yml").read_text(encoding="utf-8"))["nav"]


def _validate(course: Path):
    return load_course(course / "docs", course / "snippets", _nav(course), course / "mkdocs.yml")


def _fill_todos(course: Path, slug: str) -> None:
    """What an author does, at its most minimal: write something wherever a TODO is."""
    lesson = course / "docs" / "lessons" / slug
    for path in [*lesson.glob("*.md"), *lesson.glob("*.yml"), *(course / "snippets" / slug).glob("*.py")]:
        path.write_text(re.sub(r"TODO ?", "", path.read_text(encoding="utf-8")), encoding="utf-8")


@pytest.fixture
def course(tmp_path) -> Path:
    return copy_course(tmp_path / "course")


def test_make_lesson_creates_every_file_and_the_nav_entry(course):
    result = subprocess.run(
        [sys.executable, "-m", "coursetools", "lesson", "--root", str(course), "--slug", SLUG, "--title", TITLE],
        cwd=course,
        capture_output=True,
        text=True,
    )
    assert result.returncode == 0, result.stderr
    for path in [
        f"docs/lessons/{SLUG}/index.md",
        f"docs/lessons/{SLUG}/terms.yml",
        f"docs/lessons/{SLUG}/quiz.yml",
        f"snippets/{SLUG}/01_tokenize_a_sentence.py",
        f"snippets/{SLUG}/outputs/01_tokenize_a_sentence.md",
        f"tests/snippets/{SLUG}/test_01_tokenize_a_sentence.py",
    ]:
        assert (course / path).is_file(), path
        assert path in result.stdout
    page = (course / f"docs/lessons/{SLUG}/index.md").read_text()
    for required in ["## Key terms", "<!-- course:key-terms -->", "## Check yourself", "<!-- course:quiz -->"]:
        assert required in page
    assert f"# {TITLE}\n" in page
    # An editor validates the new YAML files against the course's schemas from the first keystroke.
    for kind in ("terms", "quiz"):
        first = (course / f"docs/lessons/{SLUG}/{kind}.yml").read_text().split("\n", 1)[0]
        assert first.startswith("# yaml-language-server: $schema="), first
        named = course / f"docs/lessons/{SLUG}" / first.split("=", 1)[1]
        assert named.resolve() == (course / "coursetools" / "schemas" / f"{kind}.schema.json").resolve()
    # By default the lesson goes after the last lesson of the highest track, right after it in the nav.
    last = max((m["track"], m["order"]) for m in scaffold.existing_lessons(ROOT))
    assert f"track: {last[0]}\norder: {last[1] + 1}\n" in page
    nav = [line.strip() for line in (course / "mkdocs.yml").read_text().splitlines()]
    entry = nav.index(f"- {last[0]}.{last[1] + 1} {TITLE}: lessons/{SLUG}/index.md")
    assert nav[entry - 1].startswith(f"- {last[0]}.{last[1]} "), "the new entry follows the track's last lesson"
    assert "site_url: !ENV [COURSE_SITE_URL" in (course / "mkdocs.yml").read_text(), "the !ENV tags are kept"
    python = [f"snippets/{SLUG}/01_tokenize_a_sentence.py", f"tests/snippets/{SLUG}/test_01_tokenize_a_sentence.py"]
    for path in python:
        ast.parse((course / path).read_text())
    # The repository's format rule (79 columns for snippets) holds for what the scaffold writes.
    ruff = subprocess.run(
        [Path(sys.executable).with_name("ruff"), "format", "--check", *python],
        cwd=course,
        capture_output=True,
        text=True,
    )
    assert ruff.returncode == 0, ruff.stdout + ruff.stderr


def test_scaffolded_lesson_fails_the_build_until_its_todos_are_written(course, tmp_path):
    scaffold.scaffold(course, SLUG, TITLE)

    with pytest.raises(LessonError) as raised:
        _validate(course)
    problems = raised.value.problems
    assert problems and all(p.message == "a TODO is left" for p in problems), "\n".join(map(str, problems))
    assert {p.path.name for p in problems} == {"index.md", "terms.yml", "quiz.yml", "01_tokenize_a_sentence.py"}
    site = tmp_path / "todo-site"
    result = build(course, site)
    assert result.returncode != 0
    assert re.search(rf"docs/lessons/{SLUG}/index\.md:\d+: a TODO is left", result.stdout), result.stdout
    assert not (site / "index.html").exists()

    _fill_todos(course, SLUG)
    # Its claim test quotes its page (coursetools.claims), and its quiz passes the quiz lint.
    assert [p for p in claims.problems(course) if SLUG in str(p.path)] == []
    result = build(course, tmp_path / "no-notebook")  # the build wants the lesson's notebook
    assert result.returncode != 0 and f"{SLUG}.ipynb:1: out of date" in result.stdout, result.stdout
    made = subprocess.run(
        [sys.executable, "-m", "coursetools", "notebooks", "--root", str(course)],
        cwd=course,
        capture_output=True,
        text=True,
    )
    assert made.returncode == 0 and f"{SLUG}.ipynb" in made.stdout, made.stderr
    assert [lesson.slug for lesson in _validate(course)][-1] == SLUG
    site = tmp_path / "site"
    result = build(course, site)
    assert result.returncode == 0, result.stdout
    html = (site / "lessons" / SLUG / "index.html").read_text()
    assert TITLE in html and 'class="course-quiz"' in html and 'class="course-terms"' in html
    assert "Output not recorded yet" in html, "until `make outputs`, the page says the output is pending"


def test_scaffold_refuses_to_overwrite_a_lesson(course):
    before = (course / "mkdocs.yml").read_text()
    with pytest.raises(scaffold.ScaffoldError, match="already exists"):
        scaffold.scaffold(course, next((course / "docs" / "lessons").iterdir()).name, "Again")
    first = min(scaffold.existing_lessons(ROOT), key=lambda m: (m["track"], m["order"]))
    with pytest.raises(
        scaffold.ScaffoldError, match=f"{first['track']}.{first['order']} is already '{first['title']}'"
    ):
        scaffold.scaffold(course, "another-one", "Another", track=first["track"], order=first["order"])
    with pytest.raises(scaffold.ScaffoldError, match="not a lowercase-hyphen slug"):
        scaffold.scaffold(course, "Not A Slug", "Title")
    assert (course / "mkdocs.yml").read_text() == before
    assert not (course / "docs/lessons/another-one").exists()


NAV = """\
site_name: x
site_url: !ENV [COURSE_SITE_URL, "http://127.0.0.1:8000/"]
nav:
  - Home: index.md
  - Track 1 · Choosing a starting model:
      - 1.1 Base: lessons/base/index.md
      - 1.3 Later: lessons/later/index.md
  - Glossary: glossary.md

theme:
  name: material
"""


@pytest.mark.parametrize(
    ("track", "order", "label", "expected_after", "expected_before"),
    [
        (1, 2, "Track 1 · Choosing a starting model", "1.1 Base", "1.3 Later"),
        (1, 4, "Track 1 · Choosing a starting model", "1.3 Later", "- Glossary"),
        (0, 1, "Track 0 · Foundations", "- Home", "- Track 1"),
        (4, 1, "Track 4 · Alignment", "1.3 Later", "- Glossary"),
        (2, 1, "Track 2: odd name", "1.3 Later", "- Glossary"),
    ],
)
def test_nav_entry_goes_under_its_track_in_lesson_order(track, order, label, expected_after, expected_before):
    entry = f"{track}.{order} New: lessons/new/index.md"
    text = scaffold.add_to_nav(NAV, track, order, [entry], label)
    lines = text.splitlines()
    at = next(i for i, line in enumerate(lines) if entry in line)
    assert expected_after in "\n".join(lines[:at])
    assert expected_before in "\n".join(lines[at + 1 :])
    config = scaffold.read_config(text)
    assert "lessons/new/index.md" in nav_pages(config["nav"])
    group = next(item for item in config["nav"] if label in item)
    assert "lessons/new/index.md" in nav_pages(group[label])
    assert text.count("!ENV") == 1 and text.endswith("  name: material\n")
