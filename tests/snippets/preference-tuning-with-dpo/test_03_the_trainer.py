"""Claims about snippets/preference-tuning-with-dpo/03_the_trainer.py."""

import pytest
from trl import DPOConfig

SNIPPET = "preference-tuning-with-dpo/03_the_trainer.py"


@pytest.mark.quotes(
    'so "Reference model loaded" is `False`',
)
def test_prints_what_the_trainer_holds(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    rows, tokenizer = ns["trainer"].train_dataset, ns["tokenizer"]
    longest = max(len(r["prompt_ids"]) + max(len(r["chosen_ids"]), len(r["rejected_ids"])) for r in rows)
    assert run.stdout == (
        "Reference model loaded: False\n"
        f"Pairs kept: {len(rows)} of {len(ns['dataset'])}\n"
        f"Longest prompt + reply: {longest} tokens\n"
        f"Prompt tokens of the first pair: {len(rows[0]['prompt_ids'])}\n"
        f"Its chosen reply: {tokenizer.decode(rows[0]['chosen_ids'])!r}\n"
    )


@pytest.mark.quotes(
    "With `peft_config`, the trainer needs no second copy: the reference is the same\n"
    'model with its adapter switched off, so "Reference model loaded" is `False` and the memory of\n'
    "one model is enough.",
)
def test_the_reference_is_the_model_with_its_adapter_off(runner):
    trainer = runner.run(SNIPPET).namespace["trainer"]
    assert trainer.ref_model is None
    assert hasattr(trainer.model, "disable_adapter") and trainer.model.peft_config["default"].r == 2


@pytest.mark.quotes(
    "The chat template adds a default\n  system prompt to every prompt, so the first pair's prompt is 38 tokens for a question of a\n  few words.",
    "The longest pair is 70 tokens, well inside.",
)
def test_no_pair_is_dropped_or_cut(runner):
    ns = runner.run(SNIPPET).namespace
    rows, tokenizer = ns["trainer"].train_dataset, ns["tokenizer"]
    assert len(rows) == len(ns["dataset"])
    assert len(rows[0]["prompt_ids"]) == 38
    assert max(len(r["prompt_ids"]) + max(len(r["chosen_ids"]), len(r["rejected_ids"])) for r in rows) == 70
    assert "<|im_start|>system\n" in tokenizer.decode(rows[0]["prompt_ids"])
    assert len(rows[0]["prompt_ids"]) > 3 * len(tokenizer(ns["pairs"][0][0])["input_ids"])
    for row in rows:
        for key in ("chosen_ids", "rejected_ids"):
            assert tokenizer.decode(row[key]).endswith("<|im_end|>\n")
            assert len(row["prompt_ids"]) + len(row[key]) < ns["args"].max_length


@pytest.mark.quotes(
    "`bf16=False`: `DPOConfig()` with its defaults raises an error on a machine without a GPU\n"
    "  that supports bfloat16.",
    "`learning_rate=1e-3`: the default is `1e-6`, made for full fine-tunes of large models.",
)
def test_the_defaults_the_page_names(runner):
    args = runner.run(SNIPPET).namespace["args"]
    assert not args.bf16 and args.learning_rate == 1e-3 and args.beta == 0.1
    assert DPOConfig.__dataclass_fields__["learning_rate"].default == 1e-6
    with pytest.raises(ValueError, match="bf16"):
        DPOConfig(output_dir="unused")
