"""`python -m coursetools lighthouse` measures every page a reader opens, one way every time
(README, Benchmarks). Lighthouse itself needs npm and a minute a page, so these tests give the
command a stand-in executable that reports fixed scores and records how it was called."""

from __future__ import annotations

import json
import stat
import sys
import textwrap

import pytest

from coursetools.commands import lighthouse

# A stand-in for lighthouse: fetches the page as a browser would (gzip accepted), logs its
# arguments, and writes a report whose performance score is the run's number in a cycle
# 0.95, 0.85, 0.90, so the median of three runs is 0.90 whatever the order.
FAKE = textwrap.dedent(
    """\
    #!{python}
    import gzip, json, sys, urllib.request
    from pathlib import Path
    url, args = sys.argv[1], sys.argv[2:]
    out = Path(next(a for a in args if a.startswith("--output-path=")).split("=", 1)[1])
    log = Path({log!r})
    request = urllib.request.Request(url, headers={{"Accept-Encoding": "gzip"}})
    with urllib.request.urlopen(request) as response:
        body = response.read()
        zipped = response.headers.get("Content-Encoding") == "gzip"
    html = gzip.decompress(body).decode() if zipped else body.decode()
    runs = log.read_text().count("\\n") if log.exists() else 0
    with log.open("a") as f:
        f.write(json.dumps({{"url": url, "args": args, "gzip": zipped, "html": "<html" in html}}) + "\\n")
    score = (0.95, 0.85, 0.90)[runs % 3]
    categories = {{c: {{"score": 1.0}} for c in ("accessibility", "best-practices", "seo")}}
    categories["performance"] = {{"score": score}}
    audits = {{"cumulative-layout-shift": {{"numericValue": 0.01}}}}
    out.write_text(json.dumps({{"categories": categories, "audits": audits}}))
    """
)


@pytest.fixture
def fake_lighthouse(tmp_path):
    log = tmp_path / "calls.jsonl"
    path = tmp_path / "lighthouse"
    path.write_text(FAKE.format(python=sys.executable, log=str(log)))
    path.chmod(path.stat().st_mode | stat.S_IEXEC)
    return path, log


def test_the_pages_are_every_page_a_reader_opens(lessons, built_site):
    paths = [path for _, path in lighthouse.pages()]
    assert len(paths) == len(set(paths)) == 2 * len(lessons) + 3, "home, each lesson and its notebook, two more"
    for path in paths:
        assert (built_site / path / "index.html").is_file(), f"{path or 'home'} is not a page of the built site"


def test_a_row_per_page_with_the_median_of_each_profile(fake_lighthouse, tmp_path, capsys):
    program, log = fake_lighthouse
    lighthouse.main(["--lighthouse", str(program), "--only", ",glossary/", "--runs", "3", "--out", str(tmp_path / "r")])
    table = capsys.readouterr().out.splitlines()
    assert table[0] == "| page | mobile: perf / a11y / best practices / SEO (CLS), median of 3 runs | desktop |"
    assert table[2:4] == [
        f"| {name} | 90 / 100 / 100 / 100 (0.010) | 90 / 100 / 100 / 100 (0.010) |" for name in ("home", "glossary")
    ]
    calls = [json.loads(line) for line in log.read_text().splitlines()]
    assert len(calls) == 2 * 2 * 3, "two pages, two profiles, three runs"
    assert all(call["gzip"] and call["html"] for call in calls), "the server sends pages gzip-compressed, as Pages does"
    desktop = ["--preset=desktop" in call["args"] for call in calls]
    assert desktop == ([False] * 3 + [True] * 3) * 2
    kept = sorted(path.name for path in (tmp_path / "r").iterdir())
    assert kept == ["glossary.desktop.json", "glossary.mobile.json", "home.desktop.json", "home.mobile.json"]


def test_an_unknown_profile_is_refused_before_anything_runs(fake_lighthouse, capsys):
    program, log = fake_lighthouse
    with pytest.raises(SystemExit) as stop:
        lighthouse.main(["--lighthouse", str(program), "--profiles", "mobile,tablet"])
    assert stop.value.code == 2
    assert "--profiles mobile,tablet: choose from mobile, desktop" in capsys.readouterr().err
    assert not log.exists()
