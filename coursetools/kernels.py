"""The CPU kernels the course's runs use, pinned so that a training run gives the same bits on
every x86-64 machine with AVX2 or newer.

Torch (ATen), Intel MKL and oneDNN each pick their code path from the CPU they run on, and an
AVX-512 path adds in another order than an AVX2 one: the same fine-tune then ends a few low bits
apart (lesson 2.1's printed losses agreed at four decimals, its loss figure's bytes did not).
Asking all three for their AVX2 path on a CPU that has AVX2 makes training runs bit-identical
across these families: measured on an AVX-512 machine, the pinned run reproduced the AVX2
recording's figure byte for byte. Each library reads its variable once, before its first kernel
runs, so `pin()` runs when `coursetools` is imported, before anything imports torch; child
processes (second runs, notebook kernels) inherit it.

A variable set by the caller wins, and `COURSE_KERNELS=native` leaves all three alone (to see
what the machine's own kernels print). `COURSE_KERNELS=plain` asks for each library's plainest
path instead, with no AVX at all: other arithmetic than the recordings', on this machine, which is
how `make test-other-kernels` tries every claim test the way another CPU family would. ARM
machines (Apple silicon) have other kernels altogether and are not pinned: README, "What keeps
the pages true", says what they see.
"""

from __future__ import annotations

import os
import platform
from pathlib import Path

# What a reader sets to get the recordings' kernels (README and lesson 2.1 show the same line).
PINNED = {"ATEN_CPU_CAPABILITY": "avx2", "MKL_CBWR": "AVX2", "ONEDNN_MAX_CPU_ISA": "AVX2"}
# Each library's plainest path (scalar ATen kernels, MKL's compatible branch, oneDNN without AVX):
# they add in other orders than the AVX2 ones, as another CPU family's kernels do.
PLAIN = {"ATEN_CPU_CAPABILITY": "default", "MKL_CBWR": "COMPATIBLE", "ONEDNN_MAX_CPU_ISA": "SSE41"}


def is_x86_64() -> bool:
    """Whether the CPU is x86-64, the family whose kernels the variables above choose between."""
    return platform.machine().lower() in ("x86_64", "amd64")


def has_avx2(cpuinfo: Path = Path("/proc/cpuinfo")) -> bool:
    """True on an x86-64 CPU whose flags (Linux) include AVX2 and FMA, which torch's AVX2 kernels need."""
    if not is_x86_64():
        return False
    try:
        text = cpuinfo.read_text()
    except OSError:  # not Linux: unknown, so leave the libraries to choose
        return False
    flags = next((line.split(":", 1)[1].split() for line in text.splitlines() if line.startswith("flags")), [])
    return {"avx2", "fma"} <= set(flags)


def pin(environ=os.environ) -> dict[str, str]:
    """Ask torch, MKL and oneDNN for their AVX2 code path where the CPU has it (or for their plainest
    path, with COURSE_KERNELS=plain); returns what was set."""
    choice = environ.get("COURSE_KERNELS")
    if choice not in (None, "", "native", "plain"):
        raise SystemExit(
            f"COURSE_KERNELS={choice}: say `native` (the CPU's own kernels) or `plain` (no AVX), or leave it unset"
        )
    if choice == "plain" and is_x86_64():
        wanted = PLAIN
    elif choice == "native" or not has_avx2():
        return {}
    else:
        wanted = PINNED
    added = {name: value for name, value in wanted.items() if name not in environ}
    environ.update(added)
    return added


def describe(environ=os.environ) -> str:
    """The kernels this process asked the libraries for, as the tests' header shows them."""
    chosen = [f"{name}={environ[name]}" for name in PINNED if name in environ]
    return "CPU kernels: " + (" ".join(chosen) if chosen else "the CPU's own (nothing pinned)")
