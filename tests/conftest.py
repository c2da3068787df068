"""Test session set-up: where the models come from, and one snippet runner for the session.

Read coursetools/models.py for the order in which sources are tried. The header and the
summary of every run name the source of each model.

Each lesson's model work runs together, the lessons in course order, and the runner lets go of a
lesson's runs after the last test that needs them (coursetools/sessionruns.py): the session's
memory stays that of a few lessons, not of the whole course. The summary says what it let go of.
"""

from __future__ import annotations

import functools
from pathlib import Path

from coursetools import models  # noqa: E402
from coursetools.repo import ROOT

# Before anything imports transformers: both Hugging Face libraries read these once.
ONLINE = models.configure_environment()

import pytest  # noqa: E402

_sources: dict | None = None
# The lessons whose claim tests this run collected: the summary lists their unquoted paragraphs.
_claim_lessons: set[str] = set()
_runner = None  # the session's SnippetRunner, once a test asked for it
_let_go_after: dict[str, set[str]] = {}  # a test's node id -> lessons whose runs can go after it
_released: dict[str, int] = {}  # lesson -> how many runs were let go after its tests


def model_sources() -> dict[str, models.Source]:
    global _sources
    if _sources is None:
        _sources = models.provide(ONLINE)
    return _sources


def pytest_addoption(parser):
    parser.addoption(
        "--update-outputs",
        action="store_true",
        help="rewrite snippets/*/outputs/*.md from this run instead of comparing against them",
    )
    parser.addoption(
        "--shard",
        metavar="NAME",
        help="run one CI shard: `platform`, or `track-<n>` for that track's model work (coursetools/shards.py)",
    )
    parser.addoption(
        "--lessons",
        metavar="SLUG[,SLUG]",
        help="run the model work (claim tests, recordings, notebook runs) of these lessons only; "
        "the platform's tests still run",
    )


def _describe_sources() -> list[str]:
    lines = []
    for repo_id, source in model_sources().items():
        note = "" if source.is_real else "  (base behaviour and base facts are skipped, not passed)"
        lines.append(f"model {repo_id}: {source.label}{note}")
    return lines


def pytest_report_header(config):
    if config.getoption("collectonly"):
        return None
    from coursetools import kernels

    return [*_describe_sources(), kernels.describe()]


@pytest.hookimpl(trylast=True)  # after -k and other plugins have chosen the items
def pytest_collection_modifyitems(config, items):
    shard = config.getoption("shard")
    if shard:
        _keep_shard(config, items, shard)
    only = config.getoption("lessons")
    if only:
        _keep_lessons(config, items, only)
    claims_dir = ROOT / "tests" / "snippets"
    for item in items:
        path = Path(str(item.path))
        if path.parent.parent == claims_dir:
            _claim_lessons.add(path.parent.name)
    from coursetools import sessionruns

    # Each lesson's model work together, so its runs can be let go once it is done (below).
    lessons = [_lesson_of(item) for item in items]
    if any(lessons):  # only then is the course's order worth loading it for
        items[:] = [items[index] for index in sessionruns.grouped(lessons, _order())]


def pytest_sessionstart(session):
    """Read the course before collecting: lesson tests are parametrised from it and run in its
    order. A lesson the validator refuses stops the run here, with the validator's own file:line
    and fix, before any test runs on a course that doesn't load (and not as an internal error)."""
    _course()


def _course() -> list:
    from course_under_test import lessons

    return lessons()


def _order() -> list[str]:
    return [lesson.slug for lesson in _course()]  # load_course gives them in course order


@functools.cache
def _slugs() -> frozenset[str]:
    """The lessons' slugs, which are the folders in snippets/ (cheaper than loading the course)."""
    return frozenset(
        path.name for path in (ROOT / "snippets").iterdir() if path.is_dir() and not path.name.startswith(".")
    )


def _lesson_of(item) -> str | None:
    """The lesson whose model work `item` is (coursetools/shards.py), or None for the platform's."""
    from coursetools import shards

    callspec = getattr(item, "callspec", None)
    return shards.lesson_of(Path(str(item.path)), item.name, callspec and callspec.id, _slugs())


def _keep(config, items, wanted) -> None:
    """Keep the items whose lesson (None for the platform's) `wanted` accepts; deselect the rest."""
    kept, dropped = [], []
    for item in items:
        (kept if wanted(_lesson_of(item)) else dropped).append(item)
    config.hook.pytest_deselected(items=dropped)
    items[:] = kept


def _keep_shard(config, items, shard: str) -> None:
    from coursetools import shards

    shard_of = shards.by_lesson(_course())
    if shard not in shards.names(_course()):
        raise pytest.UsageError(f"--shard={shard}: no such shard; the course has {', '.join(shards.names(_course()))}")
    _keep(config, items, lambda lesson: (shard_of[lesson] if lesson else shards.PLATFORM) == shard)


def _keep_lessons(config, items, only: str) -> None:
    """--lessons: drop the other lessons' model work, chosen by what each test runs
    (coursetools/shards.py), not by test names a caller would have to keep in step."""
    wanted = {slug.strip() for slug in only.split(",") if slug.strip()}
    unknown = sorted(wanted - set(_order()))
    if unknown:
        raise pytest.UsageError(f"--lessons: no lesson {', '.join(unknown)}; the slugs are the folders in snippets/")
    _keep(config, items, lambda lesson: lesson is None or lesson in wanted)


def pytest_collection_finish(session):
    """Which lessons' runs the runner can let go of after which test (coursetools/sessionruns.py)."""
    from coursetools import sessionruns

    named = functools.cache(lambda path: sessionruns.named_lessons(path.read_text(encoding="utf-8"), _slugs()))
    needs = []
    for item in session.items:
        lesson = _lesson_of(item)
        needs.append(set() if lesson is None else {lesson} | named(Path(str(item.path))))
    plan = sessionruns.let_go_after(needs)
    _let_go_after.clear()
    _let_go_after.update({session.items[index].nodeid: lessons for index, lessons in plan.items()})


@pytest.hookimpl(wrapper=True)
def pytest_runtest_teardown(item, nextitem):
    """After the last test that needs a lesson's runs: let them go (the session's memory, issue 24)."""
    result = yield
    if _runner is not None:
        for slug in sorted(_let_go_after.get(item.nodeid, ())):
            count = len([path for path in _runner.held() if path.parent == ROOT / "snippets" / slug])
            _runner.let_go(ROOT / "snippets" / slug)
            _released[slug] = count
    return result


def pytest_terminal_summary(terminalreporter):
    if _sources is not None:
        terminalreporter.write_sep("-", "model sources")
        for line in _describe_sources():
            terminalreporter.write_line(line)
    if _claim_lessons:
        from coursetools import claims

        listing = claims.report(ROOT, _claim_lessons)
        if listing:
            terminalreporter.write_sep("-", "paragraphs about a model that no claim test quotes (for review)")
            for line in listing:
                terminalreporter.write_line(line)
            terminalreporter.write_line("(python -m coursetools claims lists them for every lesson)")
    if _runner is not None:
        # What the runner let go of and still holds: tests/test_session_runs.py reads these lines.
        terminalreporter.write_sep("-", "snippet runs")
        let_go = ", ".join(f"{slug} ({count} runs)" for slug, count in _released.items())
        terminalreporter.write_line(f"let go after their lesson's last test: {let_go or 'none'}")
        held = [path for path in _runner.held() if path.parent.parent == ROOT / "snippets"]
        terminalreporter.write_line(f"lesson runs held at the end: {', '.join(map(str, held)) or 'none'}")


@pytest.fixture(scope="session")
def in_scope(pytestconfig):
    """in_scope(lesson): whether page-by-page browser checks visit this lesson. With --lessons,
    only the lessons named (the contributor-path copy checks its new lesson's pages, and the
    home page, glossary and progress that list every lesson, not the other lessons' pages
    again); otherwise every lesson."""
    only = pytestconfig.getoption("lessons")
    wanted = {slug.strip() for slug in only.split(",")} if only else None
    return lambda lesson: wanted is None or lesson.slug in wanted


@pytest.fixture(scope="session")
def sources() -> dict[str, models.Source]:
    return model_sources()


@pytest.fixture(scope="session")
def runner(sources):
    global _runner
    from coursetools.runner import SnippetRunner

    _runner = SnippetRunner({repo: source.folder for repo, source in sources.items()})
    return _runner


@pytest.fixture(scope="session")
def real_base(sources):
    """Use in tests of what the real base model does or ships: they skip on the stand-in."""
    source = sources[models.BASE_ID]
    if not source.is_real:
        pytest.skip(
            f"needs the real {models.BASE_ID}; this run has {source.label}. "
            "Run with the Hub reachable or SMOLLM2_BASE_DIR set (see README)."
        )
    return source


@pytest.fixture(scope="session")
def hub():
    """Use in tests of a snippet that reads the Hub itself (a model card, `model_info`): they
    skip when the Hub is unreachable, and the snippet's output stays pending."""
    if not ONLINE:
        pytest.skip("needs the Hugging Face Hub, which this run can't reach (its output is recorded where it can)")


@pytest.fixture(scope="session")
def lessons():
    """The course's lessons, loaded once per session (pytest_sessionstart)."""
    return _course()


@pytest.fixture(scope="session")
def built_site(tmp_path_factory) -> Path:
    """The site as `mkdocs build --strict` writes it, built once per session."""
    from course_copy import build

    out = tmp_path_factory.mktemp("site")
    result = build(ROOT, out)
    assert result.returncode == 0, f"mkdocs build --strict failed:\n{result.stdout}"
    return out
