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
import os
import platform
import sys
import tempfile
from pathlib import Path

from coursetools.repo import ROOT

from .build import bench_build
from .common import COURSE, REPORT, TRAINING_LESSON, _check
from .runs import bench_lesson, bench_models, bench_suite
from .serve import _cold_serve_row, bench_cold_serve, bench_page


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


def bench_lessons(report: Path = REPORT) -> list[dict]:
    """Per lesson, from the last `make test`: the time its tests took (claim tests and output
    comparisons; its notebook run apart) against its model work as recorded (coursetools.cost:
    its blocks in fresh processes), and its recorded peak memory."""
    import xml.etree.ElementTree as ET

    from coursetools import cost, shards
    from coursetools.outputs import lesson_recordings

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


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools bench", description=__doc__.splitlines()[0])
    parser.add_argument("--only", choices=["cold-serve", "lessons"], help="run one measure alone")
    opts = parser.parse_args(argv)
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
