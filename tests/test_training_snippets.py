"""What snippets that train, draw and build on each other can rely on (coursetools.runner), and
what `make outputs` records of them (coursetools.recording, coursetools.outputs).

1. A model a snippet changed, by any route, is never handed to another snippet (nor to the same
   snippet's next `from_pretrained`).
2. A block that continues the one above runs in its namespace and working directory, as pasted
   into one interpreter; the page must show it right under that block.
3. Files a snippet writes land in a temporary folder, never in the repository.
4. A figure a snippet saves is recorded beside its output, with an alt text made from its data;
   an edited, oversized, non-PNG or unstable figure is refused.
5. A training run records the CPU kernels it ran on; the course pins AVX2 kernels where the CPU
   has them, and a run on other kernels is still compared, failing loudly on a real difference.
"""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest
from course_copy import ROOT, copy_course

from coursetools import kernels, models, outputs, recording
from coursetools.lessons import LessonError, load_course, read_config
from coursetools.modelstate import model_state

INSTRUCT = models.INSTRUCT_ID
LOAD = f"from transformers import AutoModelForCausalLM\nmodel = AutoModelForCausalLM.from_pretrained({INSTRUCT!r})\n"

# --- 1. A changed model is never handed on ------------------------------------------------------

CHANGES = {
    "an optimizer step": "import torch\nw = next(model.parameters())\nopt = torch.optim.SGD([w], lr=0.1)\n"
    "w.grad = torch.ones_like(w)\nopt.step()\n",
    "get_peft_model, untrained": "from peft import LoraConfig, get_peft_model\n"
    "peft = get_peft_model(model, LoraConfig(r=2, target_modules='all-linear'))\n",
    "a LoRA training step": "import torch\nfrom peft import LoraConfig, get_peft_model\n"
    "peft = get_peft_model(model, LoraConfig(r=2, target_modules=['q_proj']))\n"
    "opt = torch.optim.AdamW([p for p in peft.parameters() if p.requires_grad], lr=1e-2)\n"
    "peft(input_ids=torch.tensor([[1, 2, 3]]), labels=torch.tensor([[1, 2, 3]])).loss.backward()\nopt.step()\n",
    "train mode": "model.train()\n",
    "a forward hook": "model.model.layers[0].register_forward_hook(lambda *args: None)\n",
    "frozen weights": "model.lm_head.weight.requires_grad_(False)\n",
    "a config change": "model.config.use_cache = False\n",
}
# What the next snippet checks: the model as loaded (no LoRA, eval mode, no hooks, trainable).
CHECK = LOAD + (
    "q = model.model.layers[0].self_attn.q_proj\n"
    "print(type(q).__name__, model.training, len(model.model.layers[0]._forward_hooks),\n"
    "      all(p.requires_grad for p in model.parameters()), model.config.use_cache)\n"
)
AS_LOADED = "Linear False 0 True True\n"


@pytest.mark.parametrize("change", CHANGES.values(), ids=list(CHANGES))
def test_a_model_a_snippet_changed_is_not_handed_to_the_next(change, runner, tmp_path):
    changing, checking = tmp_path / "01_change.py", tmp_path / "02_check.py"
    changing.write_text(LOAD + change)
    checking.write_text(CHECK)
    changed = runner.run(changing).namespace["model"]
    check = runner.run(checking)
    assert check.namespace["model"] is not changed, "the changed model was handed to the next snippet"
    assert check.stdout == AS_LOADED


@pytest.mark.parametrize("change", CHANGES.values(), ids=list(CHANGES))
def test_a_snippet_that_saw_a_model_before_another_changed_it_still_sees_it_as_loaded(change, runner, tmp_path):
    """Claim tests may run in any order (`make record-outputs` runs the recordings first): the
    namespace of an earlier snippet must not show a model a later snippet changed in place."""
    checking, changing = tmp_path / "01_check.py", tmp_path / "02_change.py"
    checking.write_text(CHECK)
    changing.write_text(LOAD + change)
    seen = runner.run(checking).namespace["model"]
    runner.run(changing)
    check = runner.run(checking)
    assert check.stdout == AS_LOADED
    assert check.namespace["model"] is not seen, "the earlier snippet's namespace holds the changed model"
    q = check.namespace["model"].model.layers[0].self_attn.q_proj
    assert type(q).__name__ == "Linear" and not check.namespace["model"].training


def test_an_unchanged_model_is_shared_and_a_changed_one_reloaded_within_a_snippet(runner, tmp_path):
    snippet = tmp_path / "01_twice.py"
    snippet.write_text(
        LOAD + "again = AutoModelForCausalLM.from_pretrained(" + repr(INSTRUCT) + ")\nshared = again is model\n"
        "model.train()\nfresh = AutoModelForCausalLM.from_pretrained(" + repr(INSTRUCT) + ")\n"
        "print(shared, fresh is model, fresh.training)\n"
    )
    assert runner.run(snippet).stdout == "True False False\n"


def test_a_model_a_snippet_let_go_of_is_freed(runner, tmp_path):
    """A sweep loads a fresh model per run and drops the last one: the runner must not keep the
    dropped ones alive (lesson 2.4 held every run's model, 3.6 GB)."""
    again = "model = AutoModelForCausalLM.from_pretrained(" + repr(INSTRUCT) + ")\n"
    snippet = tmp_path / "01_sweep.py"
    snippet.write_text(
        "import gc, weakref\n"
        + LOAD  # maybe the session's shared copy, which other snippets' namespaces hold
        + "model.train()  # changed: the next load is a fresh copy, this snippet's alone\n"
        + again
        + "model.train()\nfresh = weakref.ref(model)\ndel model\n"
        + again
        + "gc.collect()\nprint(fresh() is None)\n"
    )
    run = runner.run(snippet)
    assert run.stdout == "True\n", "the runner kept the dropped model alive"


def test_make_run_keeps_no_block_a_reader_deleted(tmp_path):
    """`make run` holds what a reader's session holds: what a block deletes is freed, though the
    block above still had it in its namespace (claim tests keep those snapshots; make run doesn't)."""
    first, second = _chain(
        tmp_path,
        "import weakref\nclass Big: pass\nbig = Big()\nwatch = weakref.ref(big)\n",
        "import gc\ndel big\ngc.collect()\nprint(watch() is None)\n",
    )
    done = subprocess.run(
        [sys.executable, "-m", "coursetools", "run", str(first), str(second)],
        cwd=ROOT,
        capture_output=True,
        text=True,
        timeout=300,
    )
    assert done.stdout == "True\n", done.stderr[-2000:]


def test_the_state_covers_what_peft_changes(runner, tmp_path):
    """The fingerprint itself: wrapping in LoRA changes it though no weight moved."""
    from peft import LoraConfig, get_peft_model

    snippet = tmp_path / "01_load.py"
    snippet.write_text(LOAD)
    model = runner.run(snippet).namespace["model"]
    before = model_state(model)
    versions = sum(p._version for p in model.parameters())
    get_peft_model(model, LoraConfig(r=2, target_modules=["q_proj"]))
    assert model_state(model) != before
    frozen = [p for n, p in model.named_parameters() if "lora_" not in n]
    assert sum(p._version for p in frozen) == versions, "no weight of the model moved: versions alone miss it"


# --- 2. Blocks that continue the one above --------------------------------------------------------


def _chain(folder: Path, *blocks: str) -> list[Path]:
    paths = []
    for number, code in enumerate(blocks, 1):
        path = folder / f"{number:02d}_block.py"
        if number > 1:
            code = f"# Continues the block above ({paths[-1].name}).\n{code}"
        path.write_text(code)
        paths.append(path)
    return paths


def test_a_continuing_block_runs_in_the_namespace_and_folder_of_the_one_above(runner, tmp_path):
    first, second, third = _chain(
        tmp_path,
        "import torch\nx = 1\ndef f():\n    return x\nopen('note.txt', 'w').write('saved')\na = torch.rand(1).item()\nprint('one')\n",
        "x = 2\nb = torch.rand(1).item()\nprint(f(), open('note.txt').read())\n",
        "print(x + 1)\n",
    )
    # Asked for out of order: the chain still runs in order, once, each block printing its own lines.
    assert runner.run(third).stdout == "3\n"
    assert runner.run(second).stdout == "2 saved\n", "functions see the shared namespace; files the shared folder"
    assert runner.run(first).stdout == "one\n"
    import torch

    torch.manual_seed(0)
    expected = [torch.rand(1).item(), torch.rand(1).item()]
    assert [runner.run(first).namespace["a"], runner.run(second).namespace["b"]] == expected, (
        "no reseeding between blocks, as in a notebook"
    )
    assert runner.run(first).namespace["x"] == 1, "each block's namespace is as that block left it"
    assert runner.run(second).continues == first and runner.run(first).continues is None


def test_a_block_whose_predecessor_failed_says_so(runner, tmp_path):
    first, second = _chain(tmp_path, "raise ValueError('broken')\n", "print('never')\n")
    run = runner.attempt(second)
    assert run.stdout == "" and "continues 01_block.py, which failed" in str(run.error)
    assert isinstance(run.error.__cause__, ValueError)


@pytest.mark.parametrize("where", ["right under it", "further down"])
def test_the_page_must_show_a_continuing_block_right_under_the_one_it_continues(where, tmp_path):
    course = copy_course(tmp_path / "course")
    lesson = course / "docs" / "lessons" / "base-vs-instruct"
    (course / "snippets" / "base-vs-instruct" / "09_goes_on.py").write_text(
        "# Continues the block above (01_same_architecture.py).\nprint(1)\n"
    )
    include = '``` { .python }\n--8<-- "base-vs-instruct/09_goes_on.py"\n```\n\n'
    page = lesson / "index.md"
    text = page.read_text()
    anchor = '--8<-- "base-vs-instruct/outputs/01_same_architecture.md"\n\n'
    if where == "further down":
        anchor = '--8<-- "base-vs-instruct/outputs/05_base_raw_prompt.md"\n\n'
    page.write_text(text.replace(anchor, anchor + include, 1))
    config = read_config((course / "mkdocs.yml").read_text())
    load = lambda: load_course(course / "docs", course / "snippets", config["nav"], course / "mkdocs.yml")  # noqa: E731
    if where == "right under it":
        load()
        return
    with pytest.raises(LessonError) as raised:
        load()
    assert [p.message for p in raised.value.problems] == [
        "base-vs-instruct/09_goes_on.py continues 01_same_architecture.py, "
        "but the block above it is base-vs-instruct/05_base_raw_prompt.py"
    ]


# --- 3. Files a snippet writes --------------------------------------------------------------------


def test_what_a_snippet_writes_stays_out_of_the_repository(runner, tmp_path):
    snippet = tmp_path / "01_writes.py"
    snippet.write_text("import os\nos.makedirs('my-adapter')\nopen('my-adapter/weights.bin', 'w').write('x')\n")
    cwd = Path.cwd()
    run = runner.run(snippet)
    assert Path.cwd() == cwd
    folder = Path(run.workdir.name)
    assert (folder / "my-adapter" / "weights.bin").is_file()
    assert ROOT not in folder.parents and not (ROOT / "my-adapter").exists() and not (cwd / "my-adapter").exists()


# --- 4. Figures -----------------------------------------------------------------------------------

FIGURE = (
    "import matplotlib.pyplot as plt\n"
    "fig, ax = plt.subplots(figsize=(4, 2.5), dpi=80)\n"
    "ax.plot([1, 2, 3], {ys})\nax.set_title('Training loss')\nax.set_xlabel('step')\nax.set_ylabel('loss')\n"
    "fig.savefig({name!r})\nprint('saved')\n"
)


def _figure_snippet(folder: Path, ys: str = "[3.0, 1.5, 2.0]", name: str = "loss.png") -> Path:
    path = folder / "01_draw.py"
    path.write_text(FIGURE.format(ys=ys, name=name))
    return path


def test_a_saved_figure_is_recorded_with_an_alt_text_from_its_data(runner, sources, tmp_path):
    snippet = _figure_snippet(tmp_path)
    run = runner.run(snippet)
    [figure] = run.figures
    assert figure.name == "loss.png" and figure.data.startswith(b"\x89PNG")
    assert figure.alt == (
        "Line chart, Training loss: loss against step. 3 points, from 3 at 1 to 2 at 3; lowest 1.5 at 2."
    )
    path = tmp_path / "outputs" / "01_draw.md"
    status, written = recording.record(
        snippet.name, path, run, sources, lambda: {"stdout": run.stdout, "figures": {"loss.png": figure.sha256}}
    )
    assert status == "recorded"
    image = tmp_path / "outputs" / "01_draw-loss.png"
    assert image.read_bytes() == figure.data
    assert outputs.read(path) == written
    assert f"![{figure.alt}](figures/01_draw-loss.png)" in path.read_text()

    image.write_bytes(figure.data + b"edited")
    with pytest.raises(outputs.TamperedRecording, match="figure 01_draw-loss.png is missing or was edited"):
        outputs.read(path)
    image.unlink()
    with pytest.raises(outputs.TamperedRecording):
        outputs.read(path)
    (tmp_path / "outputs" / "01_draw-old.png").write_bytes(b"left over")
    assert outputs.unrecorded_figures(tmp_path / "outputs") == [tmp_path / "outputs" / "01_draw-old.png"]


def test_a_figure_that_changes_between_runs_is_refused(runner, sources, tmp_path):
    snippet = _figure_snippet(tmp_path)
    run = runner.run(snippet)
    path = tmp_path / "outputs" / "01_draw.md"
    with pytest.raises(recording.Unrecordable, match="saved a different figure on a second run"):
        recording.record(snippet.name, path, run, sources, lambda: {"stdout": run.stdout, "figures": {"loss.png": "0"}})
    assert not path.exists()


BIG = (
    "import matplotlib.pyplot as plt\nimport numpy as np\n"
    "fig, ax = plt.subplots(figsize=(12, 8), dpi=100)\n"
    "ax.imshow(np.random.default_rng(0).random((400, 600)))\nfig.savefig('noise.png')\n"
)


@pytest.mark.parametrize(
    "code, problem",
    [(FIGURE.format(ys="[1, 2, 3]", name="loss.svg"), "save figures as PNG"), (BIG, "figures are at most 60 kB")],
    ids=["svg", "too big"],
)
def test_a_figure_that_is_not_a_small_png_is_refused(code, problem, runner, sources, tmp_path):
    snippet = tmp_path / "01_draw.py"
    snippet.write_text(code)
    run = runner.run(snippet)
    assert run.error is None, run.error
    with pytest.raises(recording.Unrecordable, match=problem):
        recording.decide(snippet.name, run, sources)


# --- 5. Training runs record what their numbers depend on -----------------------------------------

TRAIN = "import torch\nw = torch.nn.Parameter(torch.ones(2))\nopt = torch.optim.SGD([w], lr=0.5)\n(w * w).sum().backward()\nopt.step()\nprint(w.tolist())\n"


def test_a_training_run_records_its_cpu_kernels(runner, sources, tmp_path):
    import torch

    trains, after = _chain(tmp_path, TRAIN, "print(w.sum().item())\n")
    standalone = tmp_path / "03_plain.py"
    standalone.write_text("print(1)\n")
    assert runner.run(trains).trained and runner.run(after).trained, "a block after a training run depends on it"
    assert not runner.run(standalone).trained
    cpu = torch.backends.cpu.get_cpu_capability()
    for snippet in (trains, after):
        written = recording.decide(snippet.name, runner.run(snippet), sources)
        assert written.determinism == {"cpu": cpu}
        assert f"on a CPU ({cpu} kernels)" in outputs.render(written)
        assert recording.difference(written, sources, online=False) is None
    plain = recording.decide(standalone.name, runner.run(standalone), sources)
    assert plain.determinism == {} and "on a CPU." in outputs.render(plain)


def _elsewhere(rec: outputs.Recording, **changes) -> outputs.Recording:
    """The same recording as if made on another CPU family (and with `changes`)."""
    return outputs.Recording(**{**rec.__dict__, "determinism": {"cpu": "OTHER-FAMILY"}, **changes})


def test_a_recording_from_other_cpu_kernels_is_still_compared_and_fails_loudly(runner, sources, tmp_path):
    """Simulates a recording made on another CPU family: the comparison runs (no skip), passes
    when the output is the same, and fails on a real difference naming both families, the first
    differing line and the pinned kernels to use."""
    import torch

    trains, _ = _chain(tmp_path, TRAIN, "print(w.sum().item())\n")
    fresh = recording.decide(trains.name, runner.run(trains), sources)
    same = _elsewhere(fresh)
    assert recording.difference(same, sources, online=False) is None, "other kernels are no reason to skip"
    assert recording.mismatch(same, fresh, shown_as="x.md") is None
    wrong = _elsewhere(fresh, stdout=fresh.stdout.replace("[", "[9", 1))
    problem = recording.mismatch(wrong, fresh, shown_as="x.md")
    here = torch.backends.cpu.get_cpu_capability()
    assert problem and f"recorded on OTHER-FAMILY kernels and ran here on {here} kernels" in problem
    assert "-[9" in problem and "+[" in problem, "the differing line, as recorded and as run"
    assert all(f"{name}={value}" in problem for name, value in kernels.PINNED.items())
    assert "kernels" not in recording.mismatch(
        fresh.__class__(**{**fresh.__dict__, "stdout": "other\n"}), fresh, shown_as="x.md"
    ), "on the same kernels a difference is just a difference"


def test_make_outputs_on_other_kernels_keeps_a_recording_that_shows_the_same(runner, sources, tmp_path):
    """No churn: where all that would change is the kernel family (and figure bytes that the
    printed values round away), the recording stays byte for byte, and no second run is made."""
    trains, _ = _chain(tmp_path, TRAIN, "print(w.sum().item())\n")
    run = runner.run(trains)
    path = tmp_path / "outputs" / "01_a.md"
    outputs.write(path, _elsewhere(recording.decide(trains.name, run, sources)))
    before = path.read_bytes()

    def no_second_run():
        raise AssertionError("nothing to record, so no second run")

    status, kept = recording.record(trains.name, path, run, sources, no_second_run)
    assert (status, path.read_bytes(), kept.determinism) == ("kept", before, {"cpu": "OTHER-FAMILY"})
    outputs.write(path, _elsewhere(recording.decide(trains.name, run, sources), stdout="[1.0, 1.0]\n"))
    status, written = recording.record(trains.name, path, run, sources, lambda: run.stdout)
    assert status == "recorded" and written.stdout == run.stdout, "a real difference is re-recorded"


def test_the_course_runs_on_the_recordings_kernels(tmp_path):
    """coursetools pins AVX2 kernels before torch starts, on every x86-64 CPU with AVX2 (AVX-512
    ones included); a caller's own setting, or COURSE_KERNELS=native, wins. COURSE_KERNELS=plain
    asks for the plainest kernels instead, and any other value is refused by name."""
    show = "import coursetools, os, torch; print(torch.backends.cpu.get_cpu_capability(), os.environ.get('MKL_CBWR'))"
    env = {k: v for k, v in os.environ.items() if k not in (*kernels.PINNED, "COURSE_KERNELS")}

    def capability(**extra) -> str:
        done = subprocess.run(
            [sys.executable, "-c", show], cwd=ROOT, env={**env, **extra}, capture_output=True, text=True
        )
        assert done.returncode == 0, done.stderr
        return done.stdout.strip()

    if kernels.has_avx2():
        assert capability() == "AVX2 AVX2"
        assert capability(ATEN_CPU_CAPABILITY="default", MKL_CBWR="COMPATIBLE") == "DEFAULT COMPATIBLE"
    else:
        assert capability().endswith(" None"), "nothing is pinned on a CPU without AVX2"
    assert capability(COURSE_KERNELS="native").endswith(" None")
    if kernels.is_x86_64():  # `make test-other-kernels`, and the tests' header saying so
        assert capability(COURSE_KERNELS="plain") == "DEFAULT COMPATIBLE"
        header = subprocess.run(
            [sys.executable, "-m", "pytest", "tests/test_lint.py", "-k", "no such test", "-p", "no:randomly"],
            cwd=ROOT,
            env={**env, "COURSE_KERNELS": "plain"},
            capture_output=True,
            text=True,
        )
        wanted = " ".join(f"{name}={value}" for name, value in kernels.PLAIN.items())
        assert f"CPU kernels: {wanted}\n" in header.stdout, "the tests' header says which kernels ran"
    typo = subprocess.run(
        [sys.executable, "-c", show], cwd=ROOT, env={**env, "COURSE_KERNELS": "avx"}, capture_output=True, text=True
    )
    assert typo.returncode == 1 and "COURSE_KERNELS=avx: say `native`" in typo.stderr and "Traceback" not in typo.stderr
    if kernels.has_avx2() and os.environ.get("COURSE_KERNELS") != "native":
        import torch  # this test process too: nothing imported torch before coursetools pinned it

        assert torch.backends.cpu.get_cpu_capability() == os.environ["ATEN_CPU_CAPABILITY"].upper()


def test_kernels_are_pinned_only_on_x86_64_with_avx2(tmp_path, monkeypatch):
    cpuinfo = tmp_path / "cpuinfo"
    cpuinfo.write_text("processor\t: 0\nflags\t\t: fpu sse2 avx avx2 fma avx512f\n")
    monkeypatch.setattr(kernels.platform, "machine", lambda: "x86_64")
    assert kernels.has_avx2(cpuinfo)
    cpuinfo.write_text("flags\t\t: fpu sse2 avx\n")
    assert not kernels.has_avx2(cpuinfo)
    monkeypatch.setattr(kernels.platform, "machine", lambda: "arm64")
    assert not kernels.has_avx2(tmp_path / "none")
    assert kernels.pin({}) == {}, "an ARM machine keeps its own kernels"


def test_a_recording_names_the_versions_of_the_libraries_it_imports(runner, sources, tmp_path):
    snippet = tmp_path / "01_imports.py"
    snippet.write_text("import peft\nfrom trl import SFTConfig\nprint(SFTConfig.__name__)\n")
    written = recording.decide(snippet.name, runner.run(snippet), sources)
    assert set(written.versions) == {"transformers", "torch", "peft", "trl"}


# --- On the site ------------------------------------------------------------------------------------


def _figures_shown() -> list[tuple]:
    found = []
    for lesson in load_course(ROOT / "docs", ROOT / "snippets"):
        for path in sorted((ROOT / "snippets" / lesson.slug / "outputs").glob("*.md")):
            found += [(lesson, figure) for figure in outputs.read(path).figures]
    return found


def test_every_recorded_figure_is_small():
    for lesson, figure in _figures_shown():
        size = (ROOT / "snippets" / lesson.slug / "outputs" / figure["file"]).stat().st_size
        assert size <= recording.FIGURE_MAX_BYTES, f"{figure['file']} is {size} bytes"


def test_the_page_shows_each_figure_with_its_alt_text(built_site):
    from bs4 import BeautifulSoup

    shown = _figures_shown()
    for lesson, figure in shown:
        page = BeautifulSoup((built_site / "lessons" / lesson.slug / "index.html").read_text(), "html.parser")
        [image] = page.select(f'img[src="figures/{figure["file"]}"]')
        assert image["alt"] == figure["alt"] and "course-figure" in image["class"]
        assert (image["width"], image["height"]) == (str(figure["width"]), str(figure["height"]))
        published = built_site / "lessons" / lesson.slug / "figures" / figure["file"]
        assert published.read_bytes() == (ROOT / "snippets" / lesson.slug / "outputs" / figure["file"]).read_bytes()
        provenance = image.find_next("p")
        assert "course-provenance" in provenance["class"], "the provenance line is right under the figure"
