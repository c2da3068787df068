"""Claims about snippets/the-dpo-loss/01_the_trainer.py."""

import pytest

SNIPPET = "the-dpo-loss/01_the_trainer.py"


@pytest.mark.quotes(
    "And the learning rate: `DPOConfig`'s default is `1e-6`, a value for full fine-tunes of large models, far too small for a small LoRA adapter.",
    "`bf16=False` and `activation_checkpointing=False`, as in [lesson 2.1](../your-first-fine-tune/index.md): `DPOConfig`'s defaults are made for GPUs.",
)
def test_the_cpu_settings_differ_from_the_defaults(runner):
    from trl import DPOConfig

    args = runner.run(SNIPPET).namespace["args"]
    fields = DPOConfig.__dataclass_fields__
    assert fields["learning_rate"].default == 1e-6 and args.learning_rate == 1e-3
    assert args.bf16 is False and args.activation_checkpointing is False
    assert fields["bf16"].default is None  # None: bf16 wherever the hardware supports it


@pytest.mark.quotes(
    "Every prompt here starts with the chat template's default system message, so even a one-line question is 38 tokens.",
)
def test_every_prompt_starts_with_the_default_system_message(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tokenizer = ns["tokenizer"]
    rows = ns["trainer"].train_dataset
    assert min(len(row["prompt_ids"]) for row in rows) == 38
    assert "prompt_ids: 38 tokens" in run.stdout
    for row in rows:
        assert tokenizer.decode(row["prompt_ids"]).startswith("<|im_start|>system\n")
        assert len(row["prompt_ids"]) < ns["args"].max_length


@pytest.mark.quotes(
    "The trainer cuts each sequence to `max_length`, and drops a pair whose prompt alone fills it: set it too short and there is nothing left to train on.",
)
def test_a_max_length_shorter_than_the_prompt_drops_every_pair(runner):
    from types import SimpleNamespace

    ns = runner.run(SNIPPET).namespace
    trainer = ns["trainer"]
    # The settings the dataset preparation reads, with a max_length shorter than every prompt
    # (a new DPOConfig would reset the accelerator state the trainer above still uses).
    short = SimpleNamespace(max_length=30, truncation_mode="keep_start", dataset_num_proc=None)
    kept = trainer._prepare_dataset(ns["pairs"], ns["tokenizer"], short, "train")
    assert len(kept) == 0 and len(ns["pairs"]) == 4


@pytest.mark.quotes(
    "Passing `peft_config` makes the trainer put a LoRA adapter on the model, and then it loads no second model at all.",
)
def test_no_second_model(runner):
    run = runner.run(SNIPPET)
    trainer = run.namespace["trainer"]
    assert trainer.ref_model is None
    assert hasattr(trainer.model, "disable_adapter")
    assert run.stdout.startswith("Pairs: 4\nSeparate reference model: False\n")
