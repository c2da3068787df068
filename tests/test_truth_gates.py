"""The four gates that keep a contributor's mistake off the pages, each tested where it stands.

1. Nothing a stand-in printed is recorded, whichever way a snippet reads the model repository.
2. An output that changes between two runs is refused by `make outputs`.
3. A recorded output edited by hand is caught, even where this run can't reproduce it.
4. Every code block on a page comes from snippets/, whatever its fence says (the build refuses).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from course_copy import ROOT, build, copy_course, edit, line_of

from coursetools import models, outputs, recording
from coursetools.lessons import LessonError, load_course, read_config
from coursetools.watcher import HUB

BASE, INSTRUCT = models.BASE_ID, models.INSTRUCT_ID

# --- 1. Every way of reading a repository counts ------------------------------------------------

READS = {
    "AutoConfig": f"from transformers import AutoConfig\nprint(AutoConfig.from_pretrained({BASE!r}).hidden_size)",
    "AutoModel": f"from transformers import AutoModel\nprint(type(AutoModel.from_pretrained({BASE!r})).__name__)",
    "AutoModelForCausalLM": (
        f"from transformers import AutoModelForCausalLM\nm = AutoModelForCausalLM.from_pretrained({BASE!r})\n"
        "print(m.config.num_hidden_layers)"
    ),
    "AutoTokenizer": f"from transformers import AutoTokenizer\nprint(len(AutoTokenizer.from_pretrained({BASE!r})))",
    "pipeline": (
        f"from transformers import pipeline\ngen = pipeline('text-generation', model={BASE!r})\n"
        "print(gen.model.config.vocab_size)"
    ),
    "GenerationConfig": (
        f"from transformers import GenerationConfig\nprint(GenerationConfig.from_pretrained({BASE!r}).eos_token_id)"
    ),
    "hf_hub_download": (
        "import json\nfrom huggingface_hub import hf_hub_download\n"
        f"print(json.load(open(hf_hub_download({BASE!r}, 'config.json')))['hidden_size'])"
    ),
    "snapshot_download": (
        f"import os\nfrom huggingface_hub import snapshot_download\nprint(sorted(os.listdir(snapshot_download({BASE!r})))[0])"
    ),
}


def _stand_in_base(sources: dict) -> dict:
    """This run's sources, with the base served by a stand-in whatever this machine has."""
    return {**sources, BASE: models.Source(BASE, "stand-in", sources[BASE].folder, "random weights")}


@pytest.mark.parametrize("how", READS, ids=list(READS))
def test_a_stand_in_read_by_any_route_is_never_recorded(how, runner, sources, tmp_path):
    snippet = tmp_path / f"01_{how.lower()}.py"
    snippet.write_text(READS[how] + "\n")
    run = runner.attempt(snippet)
    assert run.error is None, run.error
    assert BASE in run.models_used, f"reading the base through {how} went unnoticed"

    path = tmp_path / "outputs" / f"{snippet.stem}.md"
    status, written = recording.record(snippet.name, path, run, _stand_in_base(sources), lambda: run.stdout)
    assert (status, written.stdout, written.pending_on) == ("pending", None, [BASE])
    assert path.read_text() == outputs.render(written), "the page gets the placeholder, not the stand-in's output"


def test_a_snippet_that_reads_no_model_records_none(runner, sources, tmp_path):
    snippet = tmp_path / "01_plain.py"
    snippet.write_text("print(sorted({'b', 'a'}))\n")
    run = runner.attempt(snippet)
    assert run.models_used == set() and not run.used_hub
    assert recording.decide(snippet.name, run, sources).models == {}


def test_a_snippet_that_needs_the_hub_is_pending_offline_and_recorded_online(runner, sources, tmp_path):
    snippet = tmp_path / "01_card.py"
    snippet.write_text(f"from huggingface_hub import model_info\nprint(model_info({INSTRUCT!r}).card_data.license)\n")
    run = runner.attempt(snippet)
    assert run.used_hub
    written = recording.decide(snippet.name, run, sources)
    if run.error is not None:  # offline, as on this course's development machines
        assert run.blocked_by_hub, run.error
        assert written.pending_on == [HUB] and written.stdout is None
        with pytest.raises(Exception, match="give its claim tests the `hub` fixture"):
            runner.run(snippet)
    else:
        assert HUB in written.models and written.stdout == run.stdout


# A model a snippet saves and loads back (a merged fine-tune) is made from the course model it
# started from: its output is recorded as that model's, or pending when that model is a stand-in.
# A tiny model built from the course model's config saves in milliseconds.
SAVE = (
    "import torch\nfrom transformers import AutoConfig, AutoModelForCausalLM\n"
    "config = AutoConfig.from_pretrained({repo!r}, num_hidden_layers=1, hidden_size=8, head_dim=4,\n"
    "    intermediate_size=16, num_attention_heads=2, num_key_value_heads=1, vocab_size=32)\n"
    "torch.manual_seed(0)\nAutoModelForCausalLM.from_config(config).save_pretrained('saved')\n"
)
LOAD = (
    "from transformers import AutoModelForCausalLM\n"
    "back = AutoModelForCausalLM.from_pretrained({folder!r})\n"
    "print(back.config.num_hidden_layers, back.model.norm.weight.shape[0])\n"
)


def _save_and_load(folder: Path, repo: str, chained: bool) -> Path:
    """A snippet that saves a model made from `repo` and loads it back, in one block or two."""
    if not chained:
        snippet = folder / "01_save_and_load.py"
        snippet.write_text(SAVE.format(repo=repo) + LOAD.format(folder="saved"))
        return snippet
    (folder / "01_save.py").write_text(SAVE.format(repo=repo))
    snippet = folder / "02_load.py"
    snippet.write_text("# Continues the block above (01_save.py).\n" + LOAD.format(folder="saved"))
    return snippet


@pytest.mark.parametrize("chained", [False, True], ids=["one block", "a block that continues it"])
def test_a_model_a_snippet_saved_and_loads_back_is_recorded_as_the_course_model_it_came_from(
    chained, runner, sources, tmp_path
):
    run = runner.attempt(_save_and_load(tmp_path, INSTRUCT, chained))
    assert run.error is None, run.error
    assert run.models_used == {INSTRUCT}, "the saved folder is no model the course must provide"
    written = recording.decide(run.path.name, run, sources)
    assert (list(written.models), written.stdout) == ([INSTRUCT], "1 8\n")


@pytest.mark.parametrize("chained", [False, True], ids=["one block", "a block that continues it"])
def test_a_model_saved_from_a_stand_in_and_loaded_back_is_never_recorded(chained, runner, sources, tmp_path):
    run = runner.attempt(_save_and_load(tmp_path, BASE, chained))
    assert run.error is None, run.error
    path = tmp_path / "outputs" / f"{run.path.stem}.md"
    status, written = recording.record(run.path.name, path, run, _stand_in_base(sources), lambda: run.stdout)
    assert (status, written.stdout, written.pending_on) == ("pending", None, [BASE])


def test_a_model_folder_a_snippet_did_not_save_is_a_model_the_course_does_not_provide(runner, sources, tmp_path):
    from transformers import AutoConfig, AutoModelForCausalLM

    elsewhere = tmp_path / "elsewhere"  # outside the snippet's working directory
    config = AutoConfig.for_model(
        "llama",
        num_hidden_layers=1,
        hidden_size=8,
        head_dim=4,
        intermediate_size=16,
        num_attention_heads=2,
        num_key_value_heads=1,
        vocab_size=32,
    )
    AutoModelForCausalLM.from_config(config).save_pretrained(elsewhere)
    snippet = tmp_path / "01_load_elsewhere.py"
    snippet.write_text(LOAD.format(folder=str(elsewhere)))
    run = runner.attempt(snippet)
    assert run.error is None, run.error
    with pytest.raises(recording.Unrecordable, match="which the course does not provide"):
        recording.decide(snippet.name, run, sources)


# --- 2. Output that changes between runs is refused ---------------------------------------------

UNSTABLE = {
    "a set": "print(set('abcdefghij'))",
    "a clock": "import time\nprint(time.time_ns())",
    "an unseeded random number": "import random\nprint(random.random())",
    # The runner seeds torch at a chain's start; a reader's interpreter starts from a random seed.
    "an unseeded torch tensor": "import torch\nprint(torch.rand(2))",
}


@pytest.fixture(scope="module")
def unstable_snippets(tmp_path_factory) -> dict[str, Path]:
    folder = tmp_path_factory.mktemp("unstable")
    paths = {}
    for number, (name, code) in enumerate([*UNSTABLE.items(), ("stable", "print(sorted(set('cba')))")], 1):
        paths[name] = folder / f"{number:02d}_{name.replace(' ', '_')}.py"
        paths[name].write_text(f"print('same line')\n{code}\n")
    return paths


@pytest.fixture(scope="module")
def second(unstable_snippets) -> dict:
    return recording.second_runs([str(p) for p in unstable_snippets.values()])


@pytest.mark.parametrize("name", UNSTABLE)
def test_make_outputs_refuses_output_that_changes_between_runs(name, unstable_snippets, second, runner, sources):
    snippet = unstable_snippets[name]
    path = snippet.parent / "outputs" / f"{snippet.stem}.md"
    run = runner.attempt(snippet)
    with pytest.raises(recording.Unrecordable) as refused:
        recording.record(snippet.name, path, run, sources, lambda: second[str(snippet)])
    message = str(refused.value)
    assert snippet.name in message and "printed something different on a second run" in message
    changed = [line for line in message.splitlines() if line.startswith(("-", "+")) and not line.startswith("---")]
    assert changed and all("same line" not in line for line in changed), "the message names only the lines that changed"
    assert not path.exists(), "nothing is recorded"


def test_make_outputs_records_output_that_is_the_same_on_every_run(unstable_snippets, second, runner, sources):
    snippet = unstable_snippets["stable"]
    path = snippet.parent / "outputs" / f"{snippet.stem}.md"
    status, written = recording.record(
        snippet.name, path, runner.attempt(snippet), sources, lambda: second[str(snippet)]
    )
    assert status == "recorded" and outputs.read(path).stdout == "same line\n['a', 'b', 'c']\n"


@pytest.mark.parametrize(
    ("ending", "refused"),
    [("{'a': 1}", True), ("print('shown')", False), ("_ = {'a': 1}", False), ("None", False)],
    ids=["a dict", "a print", "an assignment", "None"],
)
def test_make_outputs_refuses_a_block_whose_last_line_a_notebook_would_show(ending, refused, runner, sources, tmp_path):
    # IPython shows the value of a cell's last expression; the page shows only what was printed.
    snippet = tmp_path / "01_ends_with.py"
    snippet.write_text(f"print('printed')\n{ending}\n")
    run = runner.attempt(snippet)
    assert run.error is None, run.error
    if refused:
        with pytest.raises(recording.Unrecordable, match="ends with an expression worth a dict: a notebook shows"):
            recording.decide(snippet.name, run, sources)
    else:
        assert recording.decide(snippet.name, run, sources).stdout.startswith("printed\n")


# --- 3. A hand-edited recording is caught without rerunning it ----------------------------------


def _a_recorded_output() -> Path:
    return next(p for p in sorted((ROOT / "snippets").glob("*/outputs/*.md")) if outputs.read(p).stdout)


def _header(text: str) -> dict:
    return json.loads(text.split("<!-- course:output ", 1)[1].split(" -->", 1)[0])


def _with_header(text: str, meta: dict) -> str:
    rest = text.split(" -->\n", 1)[1]
    return f"<!-- course:output {json.dumps(meta, sort_keys=True)} -->\n{rest}"


def _edit_text(text):
    lines = text.splitlines(keepends=True)
    lines[2] = lines[2].rstrip("\n") + " (edited)\n"  # the first printed line, inside the fence
    return "".join(lines)


def _edit_text_and_weights(text):
    """The edit that used to turn the comparison into a skip: other weights can't be rerun here."""
    meta = _header(text)
    for info in meta["models"].values():
        info["weights"] = "hub@0000000000000000000000000000000000000000"
    return _with_header(_edit_text(text), meta)


def _edit_versions(text):
    meta = _header(text)
    meta["versions"]["transformers"] = "0.0.1"
    return _with_header(text, meta)


def _edit_provenance(text):
    """The digest covers the data; the rest of the file must be exactly what make outputs renders."""
    return text.replace("Printed by", "Written by", 1)


EDITS = {
    "text": _edit_text,
    "text and weights": _edit_text_and_weights,
    "versions in the header": _edit_versions,
    "provenance line": _edit_provenance,
}


@pytest.mark.parametrize("edit_recording", EDITS.values(), ids=list(EDITS))
def test_an_edited_recording_is_refused_by_the_validator(edit_recording, tmp_path):
    course = copy_course(tmp_path / "course")
    path = course / _a_recorded_output().relative_to(ROOT)
    path.write_text(edit_recording(path.read_text()))
    with pytest.raises(outputs.TamperedRecording):
        outputs.read(path)
    config = read_config((course / "mkdocs.yml").read_text())
    with pytest.raises(LessonError) as raised:
        load_course(course / "docs", course / "snippets", config["nav"], course / "mkdocs.yml")
    assert [p.path for p in raised.value.problems] == [path]
    assert "make outputs" in raised.value.problems[0].fix


def test_the_pending_placeholder_says_it_was_never_recorded():
    text = outputs.render(outputs.Recording("l/01_a.py", None, {}, {}, [BASE, HUB]))
    shown = " ".join(text.split("-->", 1)[1].split())
    assert "the real SmolLM2-135M (base) and the Hugging Face Hub" in shown
    assert "No run with it has been recorded yet" in shown and "last recorded" not in shown
    assert outputs.parse(text, Path("x")).pending_on == [BASE, HUB]


# --- 4. Code on a page comes from snippets/, whatever the fence says ----------------------------

BLOCKS = {
    "Python fence": "```Python\nprint('hi')\n```",
    "py3 fence": "```py3\nprint('hi')\n```",
    "pycon fence": "```pycon\n>>> print('hi')\n```",
    "ipython fence": "```ipython\nprint('hi')\n```",
    "no language": "```\nprint('hi')\n```",
    "tildes": "~~~\nprint('hi')\n~~~",
    "indented code": "    print('hi')",
    "text fence": "```text\nprint('hi')\n```",
    "in an admonition": "!!! note \"Try\"\n\n    ```python\n    print('hi')\n    ```",
    "include plus a pasted line": "``` { .python }\n--8<-- \"base-vs-instruct/02_instruct_chat_template.py\"\nprint('hi')\n```",
}
PAGE = Path("docs/lessons/base-vs-instruct/index.md")


@pytest.mark.parametrize("block", BLOCKS.values(), ids=list(BLOCKS))
def test_code_not_from_snippets_is_refused_with_its_line(block, tmp_path):
    course = copy_course(tmp_path / "course")
    edit(course / PAGE, "## The alignment tax\n", f"## The alignment tax\n\nMarker paragraph.\n\n{block}\n\n")
    config = read_config((course / "mkdocs.yml").read_text())
    with pytest.raises(LessonError) as raised:
        load_course(course / "docs", course / "snippets", config["nav"], course / "mkdocs.yml")
    found = [(p.path, p.line) for p in raised.value.problems if "doesn't come from snippets/" in p.message]
    first_code_line = line_of(course / PAGE, "print('hi')") if "--8<--" not in block else None
    # The pasted block's include line is the page's third mention of that snippet.
    expected_line = first_code_line or line_of(course / PAGE, "02_instruct_chat_template.py", 3)
    assert found == [(course / PAGE, expected_line)], "\n".join(map(str, raised.value.problems))


def test_an_admonition_is_not_mistaken_for_indented_code(tmp_path):
    course = copy_course(tmp_path / "course")
    edit(course / PAGE, "## The alignment tax\n", '## The alignment tax\n\n!!! note "Plain"\n\n    Just prose.\n\n')
    config = read_config((course / "mkdocs.yml").read_text())
    load_course(course / "docs", course / "snippets", config["nav"], course / "mkdocs.yml")


def test_the_build_refuses_a_pasted_block_and_publishes_nothing(tmp_path):
    course = copy_course(tmp_path / "course")
    edit(course / "docs/index.md", "## Lessons\n", "## Lessons\n\n~~~\nimport torch\n~~~\n\n")
    site = tmp_path / "site"
    result = build(course, site)
    assert result.returncode != 0
    line = line_of(course / "docs/index.md", "import torch")
    assert f"docs/index.md:{line}: code block that doesn't come from snippets/" in result.stdout, result.stdout
    assert not list(site.rglob("*.html")) if site.exists() else True


def test_make_outputs_keeps_a_real_recording_it_cant_redo_but_never_an_edited_one(runner, sources, tmp_path):
    """A recording made elsewhere (say, with the real base) survives a run on a stand-in, even
    across a change of page format; one whose data was edited by hand is replaced."""
    snippet = tmp_path / "01_autoconfig.py"
    snippet.write_text(READS["AutoConfig"] + "\n")
    run = runner.attempt(snippet)
    made_elsewhere = outputs.Recording(snippet.name, "576\n", {BASE: {"weights": "hub@abc", "label": "Hub"}}, {}, [])
    path = tmp_path / "outputs" / f"{snippet.stem}.md"
    path.parent.mkdir()

    path.write_text(outputs.render(made_elsewhere).replace("Printed by", "Printed earlier by"))  # older format
    status, kept = recording.record(snippet.name, path, run, _stand_in_base(sources), lambda: run.stdout)
    assert status == "kept" and kept.stdout == "576\n" and outputs.read(path) == made_elsewhere

    path.write_text(_edit_text(outputs.render(made_elsewhere)))
    status, written = recording.record(snippet.name, path, run, _stand_in_base(sources), lambda: run.stdout)
    assert status == "pending" and outputs.read(path).stdout is None
