"""Every snippet's fresh output equals the output recorded on its page, for the same weights.

`make outputs` (pytest --update-outputs) rewrites the recordings instead of comparing.
"""

from __future__ import annotations

import difflib
import importlib.metadata
from pathlib import Path

import pytest
from snippet_runner import SNIPPETS, all_snippets

from coursetools import outputs


def _versions() -> dict[str, str]:
    return {name: importlib.metadata.version(name) for name in ("transformers", "torch")}


def _normal(text: str) -> str:
    return text.rstrip("\n")


@pytest.mark.parametrize("snippet", all_snippets())
def test_output_matches_recording(snippet, runner, sources, request):
    run = runner.run(snippet)
    path = outputs.output_path(SNIPPETS / snippet)
    used = {repo: sources[repo] for repo in sorted(run.models_used)}
    stand_ins = [repo for repo, source in used.items() if not source.is_real]
    recorded = outputs.read(path)

    if request.config.getoption("--update-outputs"):
        if stand_ins:
            if recorded is None or recorded.pending_on:
                outputs.write(path, outputs.Recording(snippet, None, {}, {}, stand_ins))
            pytest.skip(f"not recorded: {', '.join(stand_ins)} is a stand-in here")
        models = {repo: {"weights": s.weights_id, "label": s.label} for repo, s in used.items()}
        outputs.write(path, outputs.Recording(snippet, run.stdout, models, _versions(), []))
        return

    assert recorded is not None, f"{path.relative_to(SNIPPETS.parent)} is missing: run `make outputs`"
    if stand_ins:
        pytest.skip(f"output depends on {', '.join(stand_ins)}, which is a stand-in in this run")
    assert not recorded.pending_on, (
        f"{path.relative_to(SNIPPETS.parent)} is still pending, and this run has the real models: run `make outputs`"
    )
    assert set(recorded.models) == set(used), (
        f"{snippet} now uses {sorted(used)} but its recording was made with {sorted(recorded.models)}: run `make outputs`"
    )
    other = {r: i["weights"] for r, i in recorded.models.items() if i["weights"] != used[r].weights_id}
    if other:
        pytest.skip(f"recorded with other weights ({other}); this run has {[used[r].weights_id for r in other]}")
    if _normal(run.stdout) != _normal(recorded.stdout):
        diff = "\n".join(
            difflib.unified_diff(
                _normal(recorded.stdout).splitlines(),
                _normal(run.stdout).splitlines(),
                f"recorded ({Path(path).name}, {recorded.versions})",
                f"this run ({_versions()})",
                lineterm="",
            )
        )
        pytest.fail(
            f"{snippet} printed something other than its page shows:\n{diff}\n"
            "If the new output is right, run `make outputs` and commit the change.",
            pytrace=False,
        )
