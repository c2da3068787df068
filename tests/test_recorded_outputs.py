"""Every snippet's fresh output equals the output recorded on its page, for the same weights.

`make outputs` (pytest --update-outputs) rewrites the recordings instead of comparing, through
coursetools.recording: never from a stand-in or an offline Hub, never an output that changes
between two runs.
"""

from __future__ import annotations

import os
from pathlib import Path

import pytest

from coursetools import outputs, recording
from coursetools.runner import SNIPPETS, all_snippets


def _shown(path: Path) -> str:
    return str(path.relative_to(SNIPPETS.parent))


@pytest.fixture(scope="session")
def second_runs(request):
    """The second run of every snippet this session records (`make outputs LESSON=…` records one lesson)."""
    items = [item for item in request.session.items if hasattr(item, "callspec")]
    chosen = [item.callspec.params["snippet"] for item in items if "snippet" in item.callspec.params]
    return recording.second_runs(chosen)


@pytest.mark.parametrize("path", sorted(SNIPPETS.glob("*/outputs/*.md")), ids=lambda p: _shown(p))
def test_recording_is_what_make_outputs_wrote(path):
    """Holds on any machine: an edit by hand to a recording's text or header fails here and in
    the build, even where this run can't reproduce the output."""
    outputs.read(path)


@pytest.mark.parametrize("snippet", all_snippets())
def test_output_matches_recording(snippet, runner, sources, request):
    path = outputs.output_path(SNIPPETS / snippet)
    if request.config.getoption("--update-outputs"):
        _update(snippet, path, runner, sources, request)
        return
    recorded = outputs.read(path)
    assert recorded is not None, f"{_shown(path)} is missing: run `make outputs`"
    run = runner.attempt(snippet)
    fresh = recording.decide(snippet, run, sources)
    if fresh.pending_on:
        pytest.skip(f"output depends on {', '.join(fresh.pending_on)}, which this run doesn't have for real")
    assert not recorded.pending_on, (
        f"{_shown(path)} is still pending, and this run has what it needs: run `make outputs`"
    )
    assert set(recorded.models) == set(fresh.models), (
        f"{snippet} now uses {sorted(fresh.models)} but its recording was made with {sorted(recorded.models)}: "
        "run `make outputs`"
    )
    reason = recording.difference(recorded, sources, online=os.environ.get("HF_HUB_OFFLINE") != "1")
    if reason:
        pytest.skip(reason)
    problem = recording.mismatch(recorded, fresh, shown_as=_shown(path))
    if problem:
        pytest.fail(problem, pytrace=False)


@pytest.mark.parametrize("folder", sorted(SNIPPETS.glob("*/outputs")), ids=lambda p: _shown(p))
def test_every_figure_belongs_to_a_recording(folder):
    assert not outputs.unrecorded_figures(folder), "figures no recording shows (delete them, or run `make outputs`)"


def _update(snippet: str, path: Path, runner, sources, request) -> None:
    try:
        status, written = recording.record(
            snippet,
            path,
            runner.attempt(snippet),
            sources,
            lambda: request.getfixturevalue("second_runs").get(snippet),
        )
    except recording.Unrecordable as error:
        pytest.fail(str(error), pytrace=False)
    if status == "pending":
        pytest.skip(f"not recorded: this run lacks {', '.join(written.pending_on)}")
    if status == "kept":
        pytest.skip("not recorded: this run can't reproduce it; the recording made with the real models stays")
