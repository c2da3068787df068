"""What every block costs (coursetools.cost): measured when recorded, shown under the block, added
up at the top of each lesson and on the home page, and held to the course's budget by the build."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest
import yaml

from coursetools import cost, outputs, settings
from coursetools.lessons import load_course
from coursetools.outputs import lesson_recordings
from coursetools.repo import ROOT
from coursetools.runner import SNIPPETS


@pytest.fixture(scope="module")
def course_costs():
    """Each lesson's cost from its recordings, as the build computes it (the course's own data)."""
    config = yaml.load((ROOT / "mkdocs.yml").read_text(encoding="utf-8"), Loader=yaml.BaseLoader)
    lessons = load_course(ROOT / "docs", SNIPPETS, config["nav"], ROOT / "mkdocs.yml")
    return {lesson.slug: cost.of_lesson(rec for _, rec in lesson_recordings(lesson, SNIPPETS)) for lesson in lessons}


@pytest.mark.parametrize("path", sorted(SNIPPETS.glob("*/outputs/*.md")), ids=lambda p: str(p.relative_to(SNIPPETS)))
def test_every_recorded_block_shows_its_cost(path):
    recorded = outputs.read(path)
    if recorded.pending_on:
        assert not recorded.cost, "a pending output has no run to measure"
        return
    assert recorded.cost, f"{path.relative_to(ROOT)} was recorded before costs were measured: run `make outputs`"
    assert set(recorded.cost) >= {"seconds", "memory_gb", "cores", "cpu"}
    shown = path.read_text(encoding="utf-8")
    assert cost.block_words(recorded.cost) in shown, "the page doesn't show the block's cost under it"


def test_every_lesson_fits_the_budget_it_is_built_with(course_costs):
    """The same check as the build's, so a lesson over budget is named here too."""
    budget = settings.read(ROOT / "mkdocs.yml").budget_limits()
    over = {slug: cost.over_budget(total, budget) for slug, total in course_costs.items()}
    assert not {slug: problems for slug, problems in over.items() if problems}


def test_readme_gives_the_hardware_answer_the_home_page_computes(course_costs):
    sentence = cost.course_words(course_costs.values())
    readme = " ".join((ROOT / "README.md").read_text(encoding="utf-8").split())
    assert sentence in readme, f"README.md should say, as the home page does: {sentence!r}"


@pytest.mark.parametrize(
    ("seconds", "shown"),
    [(0.2, 0), (0.7, 1), (18.7, 20), (13.2, 12), (47, 50), (71, 75), (200, 180)],
)
def test_times_are_rounded_to_what_a_reader_plans_with(seconds, shown):
    assert cost.round_seconds(seconds) == shown


def test_recording_again_on_the_same_machine_keeps_nearby_figures():
    recorded = {"seconds": 20, "memory_gb": 1.9, "cores": 2, "cpu": "AVX2"}
    near = cost.settle(recorded, {"seconds": 25, "memory_gb": 2.0, "cores": 2, "cpu": "AVX2"})
    assert (near["seconds"], near["memory_gb"]) == (20, 1.9)
    far = cost.settle(recorded, {"seconds": 40, "memory_gb": 2.4, "cores": 2, "cpu": "AVX2"})
    assert (far["seconds"], far["memory_gb"]) == (40, 2.4)
    other_machine = cost.settle(recorded, {"seconds": 20, "memory_gb": 1.9, "cores": 8, "cpu": "AVX512"})
    assert other_machine["cores"] == 8


PEAKS = """
import json
from coursetools import cost
with cost.measuring() as big:
    held = bytearray(300_000_000)
    held[::4096] = b"x" * len(held[::4096])  # touch every page, so it is resident
    del held
with cost.measuring() as small:
    sum(range(1000))
print(json.dumps([big, small]))
"""


def test_a_block_is_charged_with_its_own_peak_not_an_earlier_blocks():
    """Blocks of a chain run in one process; each is measured from its own start. In a fresh
    process, as `make outputs` measures them (recording.second_runs): in this one, whatever the
    session holds and frees around the test decides the peak."""
    done = subprocess.run([sys.executable, "-c", PEAKS], cwd=ROOT, capture_output=True, text=True, check=True)
    big, small = json.loads(done.stdout)
    assert big["peak_bytes"] - small["peak_bytes"] > 200_000_000 or sys.platform != "linux"
    assert big["seconds"] >= 0 and small["seconds"] >= 0


def test_a_lesson_adds_its_blocks_and_counts_the_unmeasured():
    def rec(seconds, memory):
        c = {"seconds": seconds, "memory_gb": memory, "cores": 2, "cpu": "AVX2", "parameters": {"m": 134_515_008}}
        return outputs.Recording("x.py", "", {}, {}, [], cost=c)

    pending = outputs.Recording("y.py", None, {}, {}, ["m"])
    total = cost.of_lesson([rec(20, 1.9), rec(4, 0.5), pending])
    assert (total.seconds, total.memory_gb, total.unmeasured) == (24, 1.9, 1)
    words = cost.lesson_words(total)
    assert "about 24 s" in words and "1.9 GB" in words and "1 block not recorded yet" in words
    assert "0.27 GB" in words  # 134.5 M parameters at 2 bytes
    assert cost.over_budget(total, {"seconds": 20, "memory_gb": 2.5}) == ["its blocks take 24 s together (budget 20 s)"]


def test_each_lesson_says_what_running_it_takes_and_the_home_page_lists_it(built_site, course_costs):
    from bs4 import BeautifulSoup

    home = BeautifulSoup((built_site / "index.html").read_text(encoding="utf-8"), "html.parser")
    home_text = " ".join(home.get_text().split())
    assert cost.course_words(course_costs.values()) in home_text
    for slug, total in course_costs.items():
        page = BeautifulSoup((built_site / "lessons" / slug / "index.html").read_text(encoding="utf-8"), "html.parser")
        head = page.select_one(".admonition.abstract .course-cost")
        assert head is not None and " ".join(head.get_text().split()) == cost.lesson_words(total), slug
        listed = home.select_one(f'.course-lesson-status[data-lesson="{slug}"]').find_previous(
            "span", class_="course-cost"
        )
        if total.measured:
            assert listed is not None and listed.get_text() == f"({cost.list_words(total)})", slug


def test_only_a_block_that_loads_weights_is_charged_their_download(runner, tmp_path):
    tokenizer_only = tmp_path / "01_tokenizer.py"
    tokenizer_only.write_text(
        "from transformers import AutoTokenizer\n"
        "print(len(AutoTokenizer.from_pretrained('HuggingFaceTB/SmolLM2-135M-Instruct')('hi').input_ids))\n"
    )
    weights = tmp_path / "02_model.py"
    weights.write_text(
        "from transformers import AutoModelForCausalLM\n"
        "print(AutoModelForCausalLM.from_pretrained('HuggingFaceTB/SmolLM2-135M-Instruct').config.model_type)\n"
    )
    assert runner.run(tokenizer_only).weights == set()
    assert runner.run(weights).weights == {"HuggingFaceTB/SmolLM2-135M-Instruct"}
