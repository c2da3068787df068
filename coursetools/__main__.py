"""The course's one command line: `python -m coursetools <command> [options]` (or `course …`,
the console script pyproject.toml installs). `make` runs these; the Makefile's targets stay
the documented front door, and each command's `--help` gives its options.

Each command is a module's `main(argv)`, imported only when it runs, so `--help` and the
light commands don't import torch.
"""

from __future__ import annotations

import argparse
import importlib
import sys

# name: (module with main(argv), what it does, the make target that runs it)
COMMANDS = {
    "run": ("coursetools.runner", "run snippets as a reader would, on the tests' models", "make run"),
    "record-outputs": (
        "coursetools.commands.record_outputs",
        "record pending outputs, then test",
        "make record-outputs",
    ),
    "notebooks": ("coursetools.notebook", "rewrite each lesson's notebook from its page", "make notebooks"),
    "lesson": ("coursetools.scaffold", "start a new lesson", "make lesson"),
    "pending": ("coursetools.commands.pending_outputs", "each lesson's pending outputs, as a table", ""),
    "claims": ("coursetools.claims", "paragraphs that make a claim no claim test quotes", ""),
    "shards": ("coursetools.shards", "CI's test shards, from the course", "make test-shard"),
    "bench": ("coursetools.commands.bench.report", "time what readers and contributors wait for", "make bench"),
    "copy-check": ("coursetools.commands.copy_check", "every block of the built site, pasted and compared", ""),
    "lighthouse": ("coursetools.commands.lighthouse", "Lighthouse on every reader page", ""),
    "install-sizes": ("coursetools.commands.install_sizes", "what the install line downloads, per platform", ""),
}


def parser() -> argparse.ArgumentParser:
    top = argparse.ArgumentParser(prog="python -m coursetools", description=__doc__.split("\n\n")[0])
    commands = top.add_subparsers(dest="command", metavar="<command>", required=True)
    for name, (_, summary, target) in COMMANDS.items():
        # Options are the command's own (its main parses them): this parser only picks the command.
        commands.add_parser(name, help=summary + (f" ({target})" if target else ""), add_help=False)
    return top


def main(argv: list[str] | None = None) -> int:
    argv = sys.argv[1:] if argv is None else argv
    args = parser().parse_args(argv[:1])
    module = importlib.import_module(COMMANDS[args.command][0])
    return module.main(argv[1:]) or 0


if __name__ == "__main__":
    sys.exit(main())
