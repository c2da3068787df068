"""The site needs only its own requirements: `make build` in a fresh venv made from
requirements-site*.txt alone writes the same pages as the full test venv.

So `make serve` (and the Pages workflow) never wait for torch, transformers or the browser, and
nothing a reader sees can come from the model stack at build time. The venv is made by the
Makefile itself, in a copy of the course, the way a new contributor's `make build` makes it; then
the Makefile's two install layers are checked: the site layer alone is up to date, and
`make test` would add the model and test stack on top of it, not start again.
"""

from __future__ import annotations

import subprocess
from pathlib import Path

import pytest
from course_copy import copy_course, newcomer_env, site_differences

# What the site must build without: the model stack, the test tools, the browser driver.
NOT_FOR_THE_SITE = ("torch", "transformers", "accelerate", "gguf", "pytest", "playwright", "ipykernel")


def _make(course: Path, venv: Path, *args: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        ["make", *args, f"VENV={venv}"],
        cwd=course,
        env=newcomer_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


@pytest.fixture(scope="module")
def site_only(tmp_path_factory):
    """A course copy built by `make build` into a venv that the Makefile made for the site."""
    tmp = tmp_path_factory.mktemp("site-only")
    course, venv = copy_course(tmp / "course"), tmp / "venv"
    result = _make(course, venv, "build")
    assert result.returncode == 0, f"`make build` with only the site requirements failed:\n{result.stdout[-6000:]}"
    return course, venv


def test_site_venv_has_none_of_the_model_or_test_stack(site_only):
    _, venv = site_only
    probe = "import importlib.util, sys; print(*[m for m in sys.argv[1:] if importlib.util.find_spec(m)])"
    found = subprocess.run(
        [str(venv / "bin" / "python"), "-c", probe, *NOT_FOR_THE_SITE], capture_output=True, text=True, check=True
    )
    assert found.stdout.split() == [], f"the site venv has {found.stdout.strip()}: requirements-site*.txt pull them in"


def test_site_built_without_the_model_stack_is_the_site_built_with_it(site_only, built_site):
    course, _ = site_only
    differences = site_differences(built_site, course / "site")
    assert not differences, "the site depends on what only requirements.txt installs:\n" + "\n".join(differences[:10])


def test_make_test_adds_the_test_stack_on_top_of_a_site_venv(site_only):
    course, venv = site_only
    stamp = str(venv / ".site-installed")
    assert _make(course, venv, "-q", stamp).returncode == 0, "a second `make build` would install the site again"
    dry = _make(course, venv, "-n", "test").stdout
    assert "-r requirements.txt" in dry and "-r requirements-models.txt" in dry, dry
    assert "-m venv" not in dry and "requirements-site.txt" not in dry, f"`make test` would start the venv over:\n{dry}"
    # A changed site requirement re-installs the site layer, and then the test layer on top.
    (course / "requirements-site.txt").touch()
    dry = _make(course, venv, "-n", "test").stdout
    assert dry.index("-r requirements-site.txt") < dry.index("-r requirements.txt"), dry
