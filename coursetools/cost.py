"""What a block costs to run: measured when its output is recorded, worded once for the pages.

`make outputs` runs every block a second time, in a fresh process per chain of blocks (as a
reader pastes them into a fresh interpreter: recording.second_runs). The runner measures each
block there (`measuring()`): its wall time, and the process's peak memory while it ran. On Linux
the peak is reset before each block (/proc/self/clear_refs), so a block of a chain is charged
with what it allocates plus what the blocks above it still hold, as in the reader's interpreter;
elsewhere it is the process's peak so far, an upper bound.

The recording keeps the cost rounded (`rounded()`), and `settle()` keeps a recorded figure while
a new measurement stays near it, so recording again on the same machine doesn't churn files.
A lesson's cost (`of_lesson()`) adds its blocks' times and takes their highest peak; the course's
budget (mkdocs.yml, the course plugin's `budget`) is checked against it by the build (`over_budget()`).
"""

from __future__ import annotations

import contextlib
import math
import os
import sys
import time
from dataclasses import dataclass, field

# Rounded times, in seconds: a reader plans with "about 20 s", not 18.7.
STEPS = (0, 1, 2, 3, 4, 5, 6, 7, 8, 10, 12, 15, 20, 25, 30, 40, 50, 60, 75, 90, 120, 150, 180, 240, 300, 450, 600)
TIME_TOLERANCE = 1.35  # a new time within this factor of the recorded one keeps the recorded one
MEMORY_TOLERANCE_GB = 0.15


def _peak_bytes() -> int:
    """The process's peak resident memory since the last reset (ru_maxrss: KiB on Linux, bytes on macOS)."""
    try:
        with open("/proc/self/status", encoding="ascii") as status:
            for line in status:
                if line.startswith("VmHWM:"):
                    return int(line.split()[1]) * 1024
    except OSError:
        pass
    import resource  # not on Windows, where the build (which reads costs) must still run

    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak if sys.platform == "darwin" else peak * 1024


def _reset_peak() -> None:
    with contextlib.suppress(OSError):
        with open("/proc/self/clear_refs", "w", encoding="ascii") as refs:
            refs.write("5")  # resets VmHWM to the current resident size (Linux 4.0+)


@contextlib.contextmanager
def measuring():
    """Measure the block run inside: yields a dict that gets `seconds` and `peak_bytes`."""
    found: dict = {}
    _reset_peak()
    start = time.perf_counter()
    try:
        yield found
    finally:
        found["seconds"] = time.perf_counter() - start
        found["peak_bytes"] = _peak_bytes()


def cores() -> int:
    """The CPU cores this process may run on (a container's limit, not the host's count)."""
    return len(os.sched_getaffinity(0)) if hasattr(os, "sched_getaffinity") else os.cpu_count() or 1


def round_seconds(seconds: float) -> int:
    """The nearest of STEPS on a log scale; under half a second is 0 ("under a second")."""
    if seconds < 0.5:
        return 0
    return min(STEPS[1:], key=lambda step: abs(math.log(step / seconds)))


def rounded(seconds: float, peak_bytes: int, cpu: str, downloads: dict[str, int] | None = None) -> dict:
    """What a recording keeps of one measured run: {seconds, memory_gb, cores, cpu[, parameters]}."""
    cost = {
        "seconds": round_seconds(seconds),
        "memory_gb": max(0.1, round(peak_bytes / 1e9, 1)),
        "cores": cores(),
        "cpu": cpu,
    }
    if downloads:
        cost["parameters"] = dict(sorted(downloads.items()))
    return cost


def settle(recorded: dict | None, fresh: dict) -> dict:
    """The cost to record: the fresh one, except that a recorded time or memory the fresh run
    stays near is kept (the same machine measures a little differently every run)."""
    if not recorded or (recorded.get("cores"), recorded.get("cpu")) != (fresh["cores"], fresh["cpu"]):
        return fresh
    settled = dict(fresh)
    old, new = recorded["seconds"], fresh["seconds"]
    if old == new or (old and new and math.exp(abs(math.log(new / old))) <= TIME_TOLERANCE) or {old, new} <= {0, 1}:
        settled["seconds"] = old
    if abs(recorded["memory_gb"] - fresh["memory_gb"]) <= MEMORY_TOLERANCE_GB:
        settled["memory_gb"] = recorded["memory_gb"]
    return settled


def time_words(seconds: float) -> str:
    if seconds < 0.5:
        return "under a second"
    if seconds < 90:
        return f"about {seconds:.0f} s"
    return f"about {round(seconds / 60)} min"


def machine_words(cost: dict) -> str:
    """The machine a cost was measured on, named as the provenance line names CPUs."""
    return f"{cost['cores']} CPU core{'s' if cost['cores'] != 1 else ''} ({cost['cpu']})"


def block_words(cost: dict) -> str:
    """Under a block: 'Ran in about 20 s with 1.9 GB of memory on 2 CPU cores (AVX2).'"""
    return f"Ran in {time_words(cost['seconds'])} with {cost['memory_gb']:.1f} GB of memory on {machine_words(cost)}."


@dataclass
class LessonCost:
    """A lesson's blocks together: time added up, the highest peak, the models' parameters."""

    seconds: float = 0
    memory_gb: float = 0
    parameters: dict[str, int] = field(default_factory=dict)  # model repo -> parameters it stores
    measured: int = 0  # blocks with a recorded cost
    unmeasured: int = 0  # blocks whose output (so cost) is still pending
    machine: str = ""

    @property
    def download_gb(self) -> float:
        """The weights it loads, at 16 bits a parameter."""
        return sum(self.parameters.values()) * 2 / 1e9


def of_lesson(recordings) -> LessonCost:
    """The cost of a lesson from its blocks' recordings (outputs.Recording)."""
    total = LessonCost()
    for rec in recordings:
        if not rec.cost:
            total.unmeasured += 1
            continue
        total.measured += 1
        total.seconds += rec.cost["seconds"]
        total.memory_gb = max(total.memory_gb, rec.cost["memory_gb"])
        total.parameters.update(rec.cost.get("parameters", {}))
        total.machine = total.machine or machine_words(rec.cost)
    return total


def lesson_words(total: LessonCost) -> str:
    """At the top of a lesson: what running all of it takes, so a reader decides before starting."""
    if not total.measured:
        return "Its blocks' cost is measured when their outputs are recorded; none is recorded yet."
    text = f"Running every block takes {time_words(total.seconds)} and at most {total.memory_gb:.1f} GB of memory"
    text += f" on {total.machine}"
    if total.parameters:
        count = sum(total.parameters.values())
        many = "models are" if len(total.parameters) > 1 else "model is"
        text += f", once its {many} downloaded ({count / 1e6:.0f} M parameters: {total.download_gb:.2f} GB at 16 bits)"
    text += "."
    if total.unmeasured:
        text += f" Not counted: {total.unmeasured} block{'s' if total.unmeasured > 1 else ''} not recorded yet."
    return text


def list_words(total: LessonCost) -> str:
    """Beside a lesson in the home page's list, short: "about 1 min, 1.9 GB"."""
    if not total.measured:
        return ""
    return f"{time_words(total.seconds)}, {total.memory_gb:.1f} GB"


def over_budget(total: LessonCost, budget: dict) -> list[str]:
    """What exceeds the course's per-lesson budget ({seconds, memory_gb}), worded for an error."""
    problems = []
    if "seconds" in budget and total.seconds > budget["seconds"]:
        problems.append(f"its blocks take {total.seconds:.0f} s together (budget {budget['seconds']} s)")
    if "memory_gb" in budget and total.memory_gb > budget["memory_gb"]:
        problems.append(f"a block peaks at {total.memory_gb:.1f} GB (budget {budget['memory_gb']} GB)")
    return problems


def course_words(totals) -> str:
    """The course's hardware answer, from every lesson's measured cost (the home page, README)."""
    measured = [total for total in totals if total.measured]
    if not measured:
        return "You don't need a GPU: every block runs on a CPU."
    longest = max(total.seconds for total in measured)
    heaviest = max(total.memory_gb for total in measured)
    return (
        f"You don't need a GPU. Measured on {measured[0].machine}, the longest lesson runs all its blocks "
        f"in {time_words(longest)}, and no block needs more than {heaviest:.1f} GB of memory."
    )
