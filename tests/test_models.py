"""Where each model comes from: the order in coursetools/models.py, on fake folders and caches."""

from __future__ import annotations

import shutil
import time
from pathlib import Path

import pytest

from coursetools import models


@pytest.fixture
def isolated(monkeypatch, tmp_path, sources):
    """provide() writing into a temporary project cache, with an empty user cache and no env folders.

    `sources` first: the session's real provision (and its one-off conversion) is done and cached.
    """
    monkeypatch.setattr(models, "PROJECT_HUB", tmp_path / "project-hub")
    monkeypatch.setenv("COURSE_USER_HUB_CACHE", str(tmp_path / "user-hub"))
    for name in (*models.ENV_FOLDERS.values(), "COURSE_INSTRUCT_FROM_PACKAGE"):
        monkeypatch.delenv(name, raising=False)
    return tmp_path


def _fake_snapshot(cache: Path, repo_id: str, like: Path) -> Path:
    """A user-cache entry laid out as huggingface_hub lays it out, holding a copy of `like`."""
    entry = cache / ("models--" + repo_id.replace("/", "--"))
    snapshot = entry / "snapshots" / ("a" * 40)
    shutil.copytree(like, snapshot)
    (entry / "refs").mkdir(parents=True)
    (entry / "refs" / "main").write_text("a" * 40)
    return snapshot


def _linked(repo_id: str) -> Path:
    entry = models.PROJECT_HUB / ("models--" + repo_id.replace("/", "--"))
    return (entry / "snapshots" / (entry / "refs" / "main").read_text()).resolve()


def test_offline_fallbacks_are_the_packaged_instruct_and_a_labelled_stand_in(isolated):
    chosen = models.provide(online=False)
    instruct, base = chosen[models.INSTRUCT_ID], chosen[models.BASE_ID]
    assert instruct.kind == "gguf-package" and instruct.is_real
    assert base.kind == "stand-in" and not base.is_real
    assert "STAND-IN" in base.label and (base.folder / "STAND-IN.md").is_file()
    assert _linked(models.BASE_ID) == base.folder.resolve()


def test_a_local_folder_comes_first(isolated, monkeypatch, sources):
    folder = isolated / "my-base"
    shutil.copytree(sources[models.BASE_ID].folder, folder)
    monkeypatch.setenv("SMOLLM2_BASE_DIR", str(folder))
    chosen = models.provide(online=False)
    assert chosen[models.BASE_ID].kind == "local-folder" and chosen[models.BASE_ID].is_real
    assert _linked(models.BASE_ID) == folder.resolve()


def test_a_local_folder_without_config_is_refused_by_name(isolated, monkeypatch):
    monkeypatch.setenv("SMOLLM2_INSTRUCT_DIR", str(isolated))
    with pytest.raises(RuntimeError, match="SMOLLM2_INSTRUCT_DIR=.*has no config.json"):
        models.provide(online=False)


def test_the_users_hugging_face_cache_beats_the_fallbacks(isolated, sources):
    snapshot = _fake_snapshot(isolated / "user-hub", models.BASE_ID, sources[models.BASE_ID].folder)
    chosen = models.provide(online=False)
    assert chosen[models.BASE_ID].kind == "hf-cache"
    assert chosen[models.BASE_ID].weights_id == "hub@" + "a" * 40
    assert _linked(models.BASE_ID) == snapshot.resolve()


def test_ci_can_put_the_packaged_instruct_ahead_of_the_cache(isolated, monkeypatch, sources):
    _fake_snapshot(isolated / "user-hub", models.INSTRUCT_ID, sources[models.BASE_ID].folder)
    assert models.provide(online=False)[models.INSTRUCT_ID].kind == "hf-cache"
    monkeypatch.setenv("COURSE_INSTRUCT_FROM_PACKAGE", "1")
    assert models.provide(online=False)[models.INSTRUCT_ID].kind == "gguf-package"


def test_an_unreachable_hub_is_known_at_once(monkeypatch):
    monkeypatch.delenv("HF_HUB_OFFLINE", raising=False)
    monkeypatch.setenv("HF_ENDPOINT", "http://127.0.0.1:9")  # nothing listens on the discard port
    start = time.perf_counter()
    assert models.hub_reachable() is False
    assert time.perf_counter() - start < 3
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    assert models.hub_reachable() is False


def test_the_users_cache_is_remembered_before_hf_hub_cache_is_redirected(monkeypatch, tmp_path):
    monkeypatch.delenv("COURSE_USER_HUB_CACHE", raising=False)
    monkeypatch.setenv("HF_HUB_CACHE", str(tmp_path / "mine"))
    monkeypatch.setenv("HF_HUB_OFFLINE", "1")
    models.configure_environment()
    assert models.user_hub_cache() == tmp_path / "mine"
    assert models.user_hub_cache() != models.PROJECT_HUB
