"""`make run SNIPPET=…` (python -m coursetools run): one snippet from the shell, on the tests'
models, printing what the page shows and saying when a model is a stand-in."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from coursetools import models, outputs
from coursetools.runner import ROOT, SNIPPETS


def _run(*snippets: str) -> subprocess.CompletedProcess:
    return subprocess.run(
        [sys.executable, "-m", "coursetools", "run", *snippets], cwd=ROOT, capture_output=True, text=True, timeout=300
    )


def _recorded_on(sources, kind) -> list[Path]:
    """Snippets whose recording this machine can reproduce (same weights), or that are pending."""
    found = []
    for path in sorted(SNIPPETS.glob("*/outputs/*.md")):
        rec = outputs.read(path)
        same = rec.stdout is not None and all(
            repo in sources and sources[repo].weights_id == info["weights"] for repo, info in rec.models.items()
        )
        if (kind == "reproducible" and same) or (kind == "pending-base" and models.BASE_ID in rec.pending_on):
            found.append(path.parent.parent / f"{path.stem}.py")
    return found


def test_a_snippet_prints_exactly_its_recorded_output(sources):
    snippet = _recorded_on(sources, "reproducible")[0]
    result = _run(str(snippet.relative_to(ROOT)))
    assert result.returncode == 0, result.stderr
    assert result.stdout.rstrip("\n") == outputs.read(outputs.output_path(snippet)).stdout.rstrip("\n")
    assert f"# {models.INSTRUCT_ID}: " in result.stderr, "it names the weights that printed the output"


def test_a_stand_in_is_named_as_one(sources):
    if sources[models.BASE_ID].is_real:
        pytest.skip("this run has the real base: there is no stand-in to name")
    snippet = _recorded_on(sources, "pending-base")[0]
    result = _run(str(snippet.relative_to(SNIPPETS)))  # the path relative to snippets/ works too
    assert result.returncode == 0, result.stderr
    assert f"# {models.BASE_ID}: STAND-IN" in result.stderr and "NOT the real model" in result.stderr


def test_a_missing_snippet_says_how_to_name_one():
    result = _run("snippets/no-such-lesson/01_nothing.py")
    assert result.returncode == 2 and "give a path like snippets/<lesson>/01_name.py" in result.stderr
