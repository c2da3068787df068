"""Copy every block from the built site into a fresh interpreter, as a reader would, and check it
prints what the page shows under it.

The snippet tests run the files in `snippets/`; this runs what the *page* shows, taken from the
built HTML (`make build` first): the code text of each block, pasted into a new `python` process
that knows nothing of this repository (no `coursetools` import: only the environment a reader
would set, offline, with the course's models cache and the recordings' CPU kernels). Blocks that
continue one another are pasted in order into one interpreter. A block whose output is still
pending ("Output not recorded yet") is run but not compared.

    .venv/bin/python -m coursetools copy-check [--site site] [lesson-slug ...]

It reruns every lesson's model work, so it is not part of `make test` (the snippet tests already
prove the same files); run it when you write or review a lesson. Exit 1 if any block differs.
"""

from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
import tempfile
from pathlib import Path

from bs4 import BeautifulSoup

from coursetools import kernels, models
from coursetools.repo import ROOT

CONTINUES = "# Continues the block above"
# Runs the pasted blocks of one chain in one namespace; prints each block's stdout as JSON.
PASTE = r"""
import contextlib, io, json, sys
blocks = json.load(sys.stdin)
namespace = {"__name__": "__main__"}
printed = []
for code in blocks:
    out = io.StringIO()
    with contextlib.redirect_stdout(out):
        exec(compile(code, "<pasted>", "exec"), namespace)
    printed.append(out.getvalue())
sys.__stdout__.write(json.dumps(printed))
"""


def page_blocks(html: str) -> list[dict]:
    """Each code block of a lesson page with the output shown under it (None while pending)."""
    page = BeautifulSoup(html, "html.parser")
    found = []
    for block in page.select("div.highlight"):
        title = block.find("span", class_="filename")
        name = title.get_text() if title else ""
        if "course-output" in (block.get("class") or []):
            if found and found[-1]["output"] is None:
                found[-1]["output"] = block.find("code").get_text()
            continue
        if name.startswith("snippets/"):
            found.append({"name": name, "code": block.find("code").get_text(), "output": None})
    return found


def chains(blocks: list[dict]) -> list[list[dict]]:
    grouped: list[list[dict]] = []
    for block in blocks:
        if block["code"].startswith(CONTINUES) and grouped:
            grouped[-1].append(block)
        else:
            grouped.append([block])
    return grouped


def reader_env() -> dict[str, str]:
    models.configure_environment()
    env = {k: v for k, v in os.environ.items() if not k.startswith("COURSE_")}
    env.update(kernels.PINNED if kernels.has_avx2() else {})
    env.update(MPLBACKEND="Agg")
    env.pop("PYTHONPATH", None)
    return env


def check_chain(chain: list[dict], env: dict) -> list[str]:
    with tempfile.TemporaryDirectory() as folder:
        done = subprocess.run(
            [sys.executable, "-c", PASTE],
            input=json.dumps([block["code"] for block in chain]),
            cwd=folder,
            env=env,
            capture_output=True,
            text=True,
        )
    if done.returncode != 0:
        if all(block["output"] is None for block in chain):  # pending: it needs what this machine lacks
            print(f"  pending  {chain[0]['name']} (fails here: {done.stderr.strip().splitlines()[-1][:80]})")
            return []
        return [f"{chain[0]['name']}: failed when pasted\n{done.stderr[-2000:]}"]
    problems = []
    for block, printed in zip(chain, json.loads(done.stdout)):
        if block["output"] is None:
            print(f"  pending  {block['name']}")
        elif printed.rstrip("\n") == block["output"].rstrip("\n"):
            print(f"  same     {block['name']}")
        else:
            problems.append(f"{block['name']} printed:\n{printed}\nbut the page shows:\n{block['output']}")
            print(f"  DIFFERS  {block['name']}")
    return problems


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools copy-check", description=__doc__.split("\n\n")[0])
    parser.add_argument("slugs", nargs="*", help="lessons to check (default: every lesson in the built site)")
    parser.add_argument("--site", type=Path, default=ROOT / "site", help="the built site (make build)")
    args = parser.parse_args(argv)
    pages = sorted((args.site / "lessons").glob("*/index.html"))
    pages = [p for p in pages if not args.slugs or p.parent.name in args.slugs]
    if not pages:
        print(f"no lesson pages in {args.site}: run `make build` first", file=sys.stderr)
        return 2
    env = reader_env()
    problems = []
    for page in pages:
        print(page.parent.name)
        for chain in chains(page_blocks(page.read_text(encoding="utf-8"))):
            problems += check_chain(chain, env)
    for problem in problems:
        print(f"\n{problem}", file=sys.stderr)
    print(f"{len(problems)} block(s) differ from their page" if problems else "every block prints what its page shows")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
