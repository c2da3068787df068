"""Training blocks print the same whatever the reader's logging settings.

A `Trainer` prints as it trains: tqdm's progress bar through `ProgressCallback`, or, when tqdm is
off (`disable_tqdm=True`, which `TRANSFORMERS_VERBOSITY=error` sets by default), every log dict
through `PrinterCallback`, on stdout, above the block's own lines. So every snippet that builds a
trainer removes both (CONTRIBUTING.md, "Training"). The first test checks every snippet of the
course for it; the others show, on a tiny trainer, that this is what keeps stdout the same.
"""

from __future__ import annotations

import ast
import contextlib
import io
import logging

import pytest
import torch
from transformers import PrinterCallback, ProgressCallback, Trainer, TrainingArguments
from transformers.utils import logging as hf_logging

from coursetools.runner import SNIPPETS, all_snippets

PRINTERS = ("ProgressCallback", "PrinterCallback")


def _trainers_built(tree: ast.Module) -> list[ast.Call]:
    """Calls such as `SFTTrainer(...)` or `Trainer(...)`: a name ending in Trainer, called."""
    calls = []
    for node in ast.walk(tree):
        if isinstance(node, ast.Call):
            name = node.func.attr if isinstance(node.func, ast.Attribute) else getattr(node.func, "id", "")
            if name.endswith("Trainer"):
                calls.append(node)
    return calls


def _removed(tree: ast.Module) -> set[str]:
    """The callbacks removed with `<trainer>.remove_callback(<Name>)`."""
    return {
        node.args[0].id
        for node in ast.walk(tree)
        if isinstance(node, ast.Call)
        and isinstance(node.func, ast.Attribute)
        and node.func.attr == "remove_callback"
        and node.args
        and isinstance(node.args[0], ast.Name)
    }


def _calls_train(tree: ast.Module) -> bool:
    """Whether the code calls `<something>.train(...)`: training, where the printers print."""
    return any(
        isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute) and node.func.attr == "train"
        for node in ast.walk(tree)
    )


def test_every_snippet_that_builds_a_trainer_removes_both_printers():
    """In a lesson that trains: a trainer built only to prepare data (lesson 2.3 reads what
    `SFTTrainer` tokenized and packed) never prints."""
    trees = {snippet: ast.parse((SNIPPETS / snippet).read_text(encoding="utf-8")) for snippet in all_snippets()}
    training = {snippet.split("/")[0] for snippet, tree in trees.items() if _calls_train(tree)}
    problems, checked = [], 0
    for snippet, tree in trees.items():
        built = _trainers_built(tree)
        if not built or snippet.split("/")[0] not in training:
            continue
        checked += 1
        missing = [name for name in PRINTERS if name not in _removed(tree)]
        if missing:
            problems.append(
                f"snippets/{snippet}:{built[0].lineno}: builds a trainer and doesn't remove {', '.join(missing)}: "
                "with TRANSFORMERS_VERBOSITY=error or disable_tqdm=True its training prints more than the page shows\n"
                "    fix: from transformers import PrinterCallback, ProgressCallback; then "
                "trainer.remove_callback(ProgressCallback) and trainer.remove_callback(PrinterCallback)"
            )
    assert not problems, "\n".join(problems)
    assert checked or not any("Trainer(" in (SNIPPETS / s).read_text() for s in all_snippets())


class _Tiny(torch.nn.Module):
    def __init__(self):
        super().__init__()
        self.w = torch.nn.Parameter(torch.ones(1))

    def forward(self, x):
        return {"loss": ((self.w * x) ** 2).mean()}


@contextlib.contextmanager
def _verbosity(level: int):
    before = hf_logging.get_verbosity()
    hf_logging.set_verbosity(level)
    try:
        yield
    finally:
        hf_logging.set_verbosity(before)


def _train(tmp_path, remove: tuple, level: int = logging.WARNING, **settings) -> str:
    """What a tiny training run prints on stdout, under a logging level and settings."""
    with _verbosity(level):
        args = TrainingArguments(
            output_dir=str(tmp_path / "run"),
            max_steps=2,
            per_device_train_batch_size=2,
            logging_steps=1,
            save_strategy="no",
            report_to="none",
            use_cpu=True,
            **settings,
        )
        trainer = Trainer(
            model=_Tiny(),
            args=args,
            train_dataset=[{"x": torch.tensor([1.0])}] * 4,
            data_collator=lambda rows: {"x": torch.stack([row["x"] for row in rows])},
        )
        for callback in remove:
            trainer.remove_callback(callback)
        printed = io.StringIO()
        with contextlib.redirect_stdout(printed):
            trainer.train()
    return printed.getvalue()


READER_SETTINGS = {
    "defaults": {},
    "TRANSFORMERS_VERBOSITY=error": {"level": logging.ERROR},
    "disable_tqdm=True": {"disable_tqdm": True},
}


def test_removing_only_the_progress_bar_prints_the_log_dicts_when_tqdm_is_off(tmp_path):
    assert _train(tmp_path, (ProgressCallback,)) == ""
    assert "'loss'" in _train(tmp_path, (ProgressCallback,), level=logging.ERROR)
    assert "'loss'" in _train(tmp_path, (ProgressCallback,), disable_tqdm=True)


@pytest.mark.parametrize("settings", READER_SETTINGS.values(), ids=list(READER_SETTINGS))
def test_removing_both_prints_nothing_whatever_the_settings(tmp_path, settings):
    assert _train(tmp_path, (ProgressCallback, PrinterCallback), **settings) == ""
