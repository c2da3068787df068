"""`make bench`, parts 4 and 5: the lesson page in headless Chromium, and a cold `make serve`
in a clean clone of this commit."""

from __future__ import annotations

import functools
import gzip
import http.server
import os
import signal
import socket
import subprocess
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

from coursetools.repo import ROOT, newcomer_env

from .common import COMPRESSIBLE, LESSON_URL, _check


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, *args):
        pass


def _serve(site: Path):
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), functools.partial(_QuietHandler, directory=str(site)))
    threading.Thread(target=server.serve_forever, daemon=True).start()
    return server


def _wire_bytes(body: bytes, content_type: str) -> int:
    if COMPRESSIBLE.search(content_type or ""):
        return len(gzip.compress(body, compresslevel=6))
    return len(body)


def bench_page(site: Path) -> dict:
    from playwright.sync_api import TimeoutError as PlaywrightTimeout
    from playwright.sync_api import sync_playwright

    from coursetools import chromium

    quiz_js = site / "javascripts" / "quiz.js"
    quiz_present = quiz_js.is_file() and quiz_js.stat().st_size > 0
    server = _serve(site)
    base = f"http://127.0.0.1:{server.server_address[1]}/"
    requests: list = []
    responses: list = []
    try:
        with sync_playwright() as pw:
            browser = chromium.launch(pw)
            context = browser.new_context()
            context.on("request", lambda request: requests.append(request))
            context.on("response", lambda response: responses.append(response))
            page = context.new_page()
            page.goto(base + LESSON_URL, wait_until="commit")
            # From navigation start (performance.now() is relative to it) until a click on the
            # first radio shows that question's feedback. A click that lands before the script
            # is listening is undone (unchecked without events) and retried.
            first = page.locator("form.course-quiz fieldset").first
            radio = first.locator("input[type=radio]").first
            feedback = first.locator("p.course-quiz__feedback")
            clickable_ms = answered_ms = None
            deadline = time.monotonic() + 30
            while time.monotonic() < deadline:
                try:
                    radio.click(timeout=50)
                except PlaywrightTimeout:
                    continue
                if clickable_ms is None:
                    clickable_ms = page.evaluate("performance.now()")
                if not quiz_present:
                    break
                try:
                    feedback.wait_for(state="visible", timeout=100)
                    answered_ms = page.evaluate("performance.now()")
                    break
                except PlaywrightTimeout:
                    radio.evaluate("el => { el.checked = false; }")
            page.wait_for_load_state("load")
            try:
                page.wait_for_load_state("networkidle", timeout=15000)
            except PlaywrightTimeout:
                pass
            page.wait_for_timeout(500)  # late fetches (search index) after idle
            fcp = page.evaluate(
                "() => { const e = performance.getEntriesByName('first-contentful-paint')[0]; return e ? e.startTime : null; }"
            )
            load_ms = page.evaluate("() => performance.getEntriesByType('navigation')[0].loadEventEnd")
            rows = []
            for response in responses:
                host = urlparse(response.url).hostname
                if host != "127.0.0.1":
                    continue
                try:
                    body = response.body()
                except Exception:  # redirects and aborted fetches have no body
                    body = b""
                ctype = response.headers.get("content-type", "")
                rows.append((response.url[len(base) - 1 :], len(body), _wire_bytes(body, ctype), ctype))
            browser.close()
    finally:
        server.shutdown()
    web = [r for r in requests if urlparse(r.url).scheme in ("http", "https")]
    third = sorted({r.url for r in web if urlparse(r.url).hostname != "127.0.0.1"})
    return {
        "raw_bytes": sum(r[1] for r in rows),
        "wire_bytes": sum(r[2] for r in rows),
        "rows": sorted(rows, key=lambda r: -r[2]),
        "requests": len(web),
        "third_party": third,
        "fcp_ms": fcp,
        "load_ms": load_ms,
        "clickable_ms": clickable_ms,
        "answered_ms": answered_ms,
        "quiz_present": quiz_present,
    }


# --------------------------------------------------------------------------------------------
# 5: `make serve` on a fresh clone
# --------------------------------------------------------------------------------------------


def _free_port() -> int:
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def _cpu_waiting_us() -> int | None:
    """Microseconds so far in which some task waited for a CPU (Linux pressure stall information).
    Other agents share this machine's cores, and their processes are not visible here; this is
    how much they made ours wait, which wall-clock figures include."""
    try:
        some = Path("/proc/pressure/cpu").read_text().splitlines()[0]
    except (OSError, IndexError):
        return None
    return int(some.rsplit("total=", 1)[1])


def bench_cold_serve(tmp: Path, limit_s: float = 300) -> dict:
    """Seconds from `make serve` in a clean clone until the site answers, and where they went:
    until mkdocs starts building (venv, site requirements, mkdocs' imports and config), and the
    rest (the first build, until the server answers)."""
    head = subprocess.run(["git", "rev-parse", "HEAD"], cwd=ROOT, capture_output=True, text=True, check=True)
    clone = tmp / "clone"
    subprocess.run(["git", "clone", "-q", "--no-checkout", str(ROOT), str(clone)], check=True)
    subprocess.run(["git", "-C", str(clone), "checkout", "-q", head.stdout.strip()], check=True)
    dirty = subprocess.run(["git", "status", "--porcelain", "--untracked-files=no"], cwd=ROOT, capture_output=True)
    port = _free_port()
    url = f"http://127.0.0.1:{port}/"
    lines: list[tuple[float, str]] = []
    waiting_before = _cpu_waiting_us()
    start = time.perf_counter()
    # A session of its own, so that stopping it stops make's children (mkdocs serve) too.
    proc = subprocess.Popen(
        ["make", "serve", f"PORT={port}"],
        cwd=clone,
        env=newcomer_env(),
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
        start_new_session=True,
    )
    reader = threading.Thread(
        target=lambda: lines.extend((time.perf_counter() - start, line) for line in proc.stdout), daemon=True
    )
    reader.start()
    served = None
    try:
        while time.perf_counter() - start < limit_s and proc.poll() is None:
            try:
                with urllib.request.urlopen(url, timeout=2) as response:
                    if response.status == 200:
                        served = time.perf_counter() - start
                        break
            except OSError:  # not listening yet, or still building
                time.sleep(0.1)
    finally:
        if proc.poll() is None:
            os.killpg(proc.pid, signal.SIGTERM)
        try:
            proc.wait(timeout=20)
        except subprocess.TimeoutExpired:
            os.killpg(proc.pid, signal.SIGKILL)
            proc.wait()
        reader.join(timeout=5)
    if served is None:
        log = "".join(line for _, line in lines)[-4000:]
        raise RuntimeError(f"`make serve` in a fresh clone served nothing within {limit_s:.0f} s:\n{log}")
    building = next((at for at, line in lines if "Building documentation" in line), served)
    waiting_after = _cpu_waiting_us()
    return {
        "cpu_waiting": None if waiting_before is None else (waiting_after - waiting_before) / 1e6 / served,
        "served_s": served,
        "install_s": building,
        "build_s": served - building,
        "commit": head.stdout.strip()[:12],
        "uncommitted": bool(dirty.stdout.strip()),
    }


def _cold_serve_row(serve: dict) -> tuple[str, str, str, str]:
    note = f"venv, site requirements, mkdocs start-up {serve['install_s']:.1f} + first build {serve['build_s']:.1f}"
    if serve["cpu_waiting"] is not None:
        note += f"; a task waited for a CPU {serve['cpu_waiting'] * 100:.0f} % of the time"
    if serve["uncommitted"]:
        note += f"; measures commit {serve['commit']}, not the uncommitted changes"
    return (
        "`make serve`, fresh clone → HTTP 200",
        f"{serve['served_s']:.1f} s",
        "≤ 30 s",
        f"{_check(serve['served_s'], 30)}: {note}",
    )
