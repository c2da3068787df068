"""A reader installs a lesson's libraries from one line: the lesson page's `pip install …` and its
notebook's first cell (render.lesson_install: the course plugin's `install` in mkdocs.yml plus the lesson's
front matter `requires`, pinned from requirements*.txt). That line must bring every library the
lesson's snippets import, or the first block a reader pastes fails with ModuleNotFoundError."""

from __future__ import annotations

import importlib.metadata
import re
import subprocess
import sys

from bs4 import BeautifulSoup
from course_copy import ROOT
from packaging.requirements import Requirement

from coursetools import render, settings
from coursetools.execution import imported_modules
from coursetools.notebook import snippet_paths

PACKAGES = settings.read(ROOT / "mkdocs.yml").install


def shell_line(text: str) -> str:
    """The command a reader's shell runs when they paste the block (bash, with `pip` echoing
    its arguments): a line the shell doesn't join would show up as two commands."""
    run = subprocess.run(["bash", "-c", 'pip() { echo pip "$@"; }\n' + text], capture_output=True, text=True)
    assert run.returncode == 0, run.stderr
    return run.stdout.strip()


def _normal(name: str) -> str:
    return re.sub(r"[-_.]+", "-", name).lower()


def _brought_by(names: list[str]) -> set[str]:
    """The distributions `pip install names…` installs: those named and what they require."""
    brought, todo = set(), [_normal(name) for name in names]
    while todo:
        name = todo.pop()
        if name in brought:
            continue
        brought.add(name)
        for line in importlib.metadata.requires(name) or []:
            requirement = Requirement(line)
            if requirement.marker is None or requirement.marker.evaluate({"extra": ""}):
                todo.append(_normal(requirement.name))
    return brought


def _installed(lesson) -> list[str]:
    return [*PACKAGES, *(lesson.requires)]


def test_each_lessons_install_line_brings_every_library_its_snippets_import(lessons):
    providers = importlib.metadata.packages_distributions()
    missing = []
    for lesson in lessons:
        brought = _brought_by(_installed(lesson))
        for path in snippet_paths(lesson):
            for module in sorted(imported_modules(ROOT / "snippets" / path)):
                if module in sys.stdlib_module_names or {_normal(d) for d in providers.get(module, [])} & brought:
                    continue
                missing.append(
                    f"snippets/{path} imports {module}, which lesson {lesson.number}'s install line doesn't bring: "
                    f"add it to `requires:` in {lesson.page.relative_to(ROOT)} and pin it in requirements.txt"
                )
    assert not missing, "\n".join(missing)


def test_a_lesson_page_shows_the_line_its_notebook_installs(built_site, lessons):
    for lesson in lessons:
        page = BeautifulSoup((built_site / "lessons" / lesson.slug / "index.html").read_text(), "html.parser")
        shown = [shell_line(code.get_text()) for code in page.select("pre code") if "pip install" in code.get_text()]
        expected = [render.lesson_install(ROOT, PACKAGES, lesson)] if "<!-- course:install -->" in lesson.body else []
        assert shown == expected, lesson.src_uri


def test_home_install_line_pins_what_every_lesson_needs(built_site, lessons):
    home = BeautifulSoup((built_site / "index.html").read_text(), "html.parser")
    line = next(shell_line(c.get_text()) for c in home.find_all("code") if "pip install" in c.get_text())
    needed = list(PACKAGES)
    needed += [name for lesson in lessons for name in lesson.requires]
    pins = dict(
        re.findall(r"^([A-Za-z0-9_.-]+)==(\S+)", "".join(p.read_text() for p in ROOT.glob("requirements*.txt")), re.M)
    )
    index = f"--extra-index-url {render.CPU_TORCH_INDEX} "  # torch's CPU build, not PyPI's CUDA one on Linux
    assert line == f"pip install {index}" + " ".join(f"{name}=={pins[name]}" for name in dict.fromkeys(needed))
