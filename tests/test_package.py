"""The course's code is one installed package (pyproject.toml) with one command line, and every
checkout runs its own copy of it.

The venv's editable install points at one checkout; a copy of the course run with that venv (as
tests/test_contributor_path.py runs one, `make -C <copy> VENV=<this venv>`) must still import the
copy's coursetools, or a change made in the copy would be tested against the original's code. The
Makefile runs everything as `python -m …` from the checkout's root for that reason.
"""

from __future__ import annotations

import importlib
import re
from pathlib import Path

from course_copy import copy_course, make_with_this_venv

from coursetools.__main__ import COMMANDS
from coursetools.repo import ROOT

MARKER = "coursetools imported from "


def test_a_copy_run_with_another_checkouts_venv_imports_its_own_coursetools(tmp_path):
    course = copy_course(tmp_path / "course")
    package = course / "coursetools" / "__init__.py"
    # The copy's package says where it was imported from: only the copy's says so.
    package.write_text(
        package.read_text(encoding="utf-8")
        + f"\nimport sys as _sys\n\nprint({MARKER!r} + __file__, file=_sys.stderr)\n",
        encoding="utf-8",
    )
    expected = MARKER + str(package)
    for target in ("notebooks", "build"):
        result = make_with_this_venv(course, target)
        assert result.returncode == 0, f"make {target} in a copy failed:\n{result.stdout[-4000:]}"
        imported = sorted(set(re.findall(f"{MARKER}.*", result.stdout)))
        assert imported == [expected], (
            f"`make {target}` in a copy imported coursetools from elsewhere than the copy ({imported or 'not the copy'}):"
            " run it as `$(PY) -m …` from the repository's root, not through a script in the venv's bin/"
        )


def test_every_command_of_the_command_line_has_a_main():
    for name, (module, _, _) in COMMANDS.items():
        assert callable(getattr(importlib.import_module(module), "main", None)), (
            f"`course {name}`: {module} has no main()"
        )


def test_the_makefile_runs_the_package_not_scripts():
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    assert not re.findall(r"\$\(BIN\)/(?:mkdocs|course)\b|\$\(PY\) \S+\.py", makefile), (
        "Makefile: run `$(PY) -m mkdocs` and `$(COURSE) <command>`, which import the checkout's own coursetools"
    )


def test_nothing_edits_sys_path():
    """The package is installed (pyproject.toml) and the tests find it through pytest.ini's pythonpath."""
    edits = [
        f"{path.relative_to(ROOT)}:{number}"
        for folder in ("coursetools", "tests", "snippets")
        for path in sorted((ROOT / folder).rglob("*.py"))
        for number, line in enumerate(path.read_text(encoding="utf-8").splitlines(), 1)
        if re.search(r"sys\.path\.(insert|append)\(", line) and path != Path(__file__)
    ]
    assert not edits, f"sys.path edited at {edits}: import the package instead"


def test_the_build_backend_pyproject_names_is_the_one_the_site_layer_installs():
    """The Makefile installs the package with --no-build-isolation: the backend pyproject.toml
    asks for must be the one requirements-site.txt pins, or pip builds with another."""
    import tomllib

    requires = tomllib.loads((ROOT / "pyproject.toml").read_text(encoding="utf-8"))["build-system"]["requires"]
    pins = {
        re.sub(r"[-_.]+", "-", name.lower()): version
        for name, version in re.findall(
            r"^([A-Za-z0-9_.-]+)==(\S+)", (ROOT / "requirements-site.txt").read_text(), re.M
        )
    }
    for requirement in requires:
        name, _, version = requirement.partition("==")
        assert pins.get(re.sub(r"[-_.]+", "-", name.lower())) == version, (
            f"pyproject.toml: build-system requires {requirement}, requirements-site.txt pins "
            f"{pins.get(re.sub(r'[-_.]+', '-', name.lower()), 'nothing')}: pin the same version in both"
        )
