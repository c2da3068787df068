"""Lighthouse on every page a reader opens, measured one way every time (README, Benchmarks).

Builds the site into a temp folder, serves it on 127.0.0.1 with gzip (as GitHub Pages serves
text), and runs Lighthouse 12.2.3 (npm; Node 20) in Debian's Chromium on each page, with its
mobile profile and with `--preset=desktop`. Pages come from the course: home, every lesson and
its notebook, the glossary and Your progress. Prints a Markdown table: performance /
accessibility / best practices / SEO, and CLS. Not part of `make test` (about a minute a page,
and the performance score moves with the machine's load).

    .venv/bin/python -m coursetools lighthouse [--lighthouse PATH] [--only home,glossary/] [--out DIR] [--runs 3]
                                               [--profiles mobile]

The performance score moves by ten points from one run to the next on the same page (its
mobile profile multiplies every main-thread task by four, and a busy core lengthens them):
`--runs N` runs each page N times and keeps the run with the median performance score, as
Lighthouse's own guidance on variability advises, and the table says how many runs each figure
is the median of and the machine's load average while it ran.

Without --lighthouse it runs `npx --yes lighthouse@12.2.3`, which installs it from the npm
registry the first time.
"""

from __future__ import annotations

import argparse
import functools
import gzip
import io
import json
import os
import subprocess
import sys
import tempfile
import threading
from http.server import SimpleHTTPRequestHandler, ThreadingHTTPServer
from pathlib import Path

from coursetools import chromium, notebook
from coursetools.lessons import load_course
from coursetools.repo import ROOT

VERSION = "12.2.3"
CATEGORIES = ("performance", "accessibility", "best-practices", "seo")
COMPRESSED = ("text/", "javascript", "json", "xml", "svg")


class GzipHandler(SimpleHTTPRequestHandler):
    """Static files, gzip-compressed when the type is text and the browser accepts it."""

    def log_message(self, format, *args):  # noqa: A002 - the base class's name
        pass

    def send_head(self):
        path = Path(self.translate_path(self.path))
        if path.is_dir() and self.path.split("?")[0].endswith("/"):
            path = path / "index.html"
        ctype = self.guess_type(str(path))
        if not path.is_file() or "gzip" not in self.headers.get("Accept-Encoding", ""):
            return super().send_head()
        if not any(kind in ctype for kind in COMPRESSED):
            return super().send_head()
        data = gzip.compress(path.read_bytes(), 6)
        self.send_response(200)
        self.send_header("Content-Type", ctype)
        self.send_header("Content-Encoding", "gzip")
        self.send_header("Content-Length", str(len(data)))
        self.end_headers()
        return io.BytesIO(data)


PROFILES = ("mobile", "desktop")  # Lighthouse's default profile, and its `--preset=desktop`


def pages() -> list[tuple[str, str]]:
    out = [("home", "")]
    for lesson in load_course(ROOT / "docs", ROOT / "snippets"):
        folder = lesson.src_uri.rsplit("/", 1)[0]
        out.append((lesson.number, f"{folder}/"))
        out.append((f"{lesson.number} notebook", f"{folder}/{notebook.notebook_path(lesson).stem}/"))
    return out + [("glossary", "glossary/"), ("Your progress", "progress/")]


def median_run(command: list[str], url: str, preset: str, out: Path, runs: int) -> dict:
    """The run with the median performance score of `runs` runs (its report kept at `out`)."""
    results = []
    for number in range(runs):
        kept = out.with_suffix(f".{number}.json")
        results.append((run(command, url, preset, kept), kept))
    results.sort(key=lambda pair: pair[0]["performance"])
    result, kept = results[len(results) // 2]
    kept.replace(out)
    for _, other in results:
        other.unlink(missing_ok=True)
    return result


def run(command: list[str], url: str, preset: str, out: Path) -> dict:
    args = [
        *command,
        url,
        "--quiet",
        "--output=json",
        f"--output-path={out}",
        f"--only-categories={','.join(CATEGORIES)}",
        "--chrome-flags=--headless=new " + " ".join(chromium.ARGS),
    ]
    if preset == "desktop":
        args.append("--preset=desktop")
    env = {**os.environ, "CHROME_PATH": chromium.executable() or ""}
    subprocess.run(args, check=True, env=env, stdout=subprocess.DEVNULL)
    report = json.loads(out.read_text())
    scores = " / ".join(str(round(report["categories"][c]["score"] * 100)) for c in CATEGORIES)
    cls = report["audits"]["cumulative-layout-shift"]["numericValue"]
    return {"scores": scores, "cls": cls, "performance": report["categories"]["performance"]["score"]}


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(
        prog="python -m coursetools lighthouse",
        description=__doc__,
        formatter_class=argparse.RawDescriptionHelpFormatter,
    )
    parser.add_argument("--lighthouse", help="a lighthouse executable (default: npx --yes lighthouse@12.2.3)")
    parser.add_argument("--only", help="comma-separated page paths, e.g. ',glossary/' (default: every page)")
    parser.add_argument("--out", type=Path, help="keep the JSON reports here")
    parser.add_argument("--runs", type=int, default=1, help="runs per page and profile; the median is shown")
    parser.add_argument(
        "--profiles",
        default=",".join(PROFILES),
        help="comma-separated profiles to run (default: mobile,desktop); `mobile` alone halves the time",
    )
    args = parser.parse_args(argv)
    command = [args.lighthouse] if args.lighthouse else ["npx", "--yes", f"lighthouse@{VERSION}"]
    profiles = args.profiles.split(",")
    if not set(profiles) <= set(PROFILES):
        parser.error(f"--profiles {args.profiles}: choose from {', '.join(PROFILES)}")
    chosen = pages()
    if args.only is not None:
        wanted = args.only.split(",")
        chosen = [(name, path) for name, path in chosen if path in wanted]

    with tempfile.TemporaryDirectory() as tmp:
        site = Path(tmp) / "site"
        server = ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(GzipHandler, directory=str(site)))
        origin = f"http://127.0.0.1:{server.server_address[1]}/"
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "COURSE_SITE_URL": origin}
        subprocess.run(
            [sys.executable, "-m", "mkdocs", "build", "--strict", "-q", "-d", str(site)], cwd=ROOT, env=env, check=True
        )
        threading.Thread(target=server.serve_forever, daemon=True).start()
        out = args.out or Path(tmp) / "reports"
        out.mkdir(parents=True, exist_ok=True)
        each = f", median of {args.runs} runs" if args.runs > 1 else ""
        heads = [f"{profiles[0]}: perf / a11y / best practices / SEO (CLS){each}", *profiles[1:]]
        print(f"| page | {' | '.join(heads)} |")
        print("|---" * (len(profiles) + 1) + "|")
        for name, path in chosen:
            cells = []
            for preset in profiles:
                slug = (path.strip("/").replace("/", "_") or "home") + f".{preset}.json"
                result = median_run(command, origin + path, preset, out / slug, max(args.runs, 1))
                cells.append(f"{result['scores']} ({result['cls']:.3f})")
            print(f"| {name} | {' | '.join(cells)} |", flush=True)
        server.shutdown()
        print(f"load average while it ran (1, 5, 15 min): {' '.join(f'{x:.2f}' for x in os.getloadavg())}")
    return 0


if __name__ == "__main__":
    raise SystemExit(main())
