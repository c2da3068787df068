# Continues the block above (01_task_and_data.py).
import gc

import torch
from peft import LoraConfig, get_peft_model
from transformers import (
    AutoModelForCausalLM,
    PrinterCallback,
    ProgressCallback,
)
from trl import SFTConfig, SFTTrainer


def fine_tune(
    r=2,
    alpha=4,
    lr=1e-3,
    steps=5,
    schedule="linear",
    targets="all-linear",
    seed=0,
):
    # Free the last run's model and trainer, then load a fresh model:
    # nothing carries over from one run to the next.
    gc.collect()
    model = AutoModelForCausalLM.from_pretrained(model_id)
    torch.manual_seed(seed)
    config = LoraConfig(
        r=r,
        lora_alpha=alpha,
        lora_dropout=0.0,
        target_modules=targets,
        task_type="CAUSAL_LM",
    )
    model = get_peft_model(model, config)
    args = SFTConfig(
        output_dir="sweep-run",
        per_device_train_batch_size=2,
        max_steps=steps,
        learning_rate=lr,
        lr_scheduler_type=schedule,
        max_length=128,
        logging_steps=1,
        seed=seed,
        bf16=False,
        activation_checkpointing=False,
        save_strategy="no",
        report_to="none",
    )
    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=dataset,
        processing_class=tokenizer,
    )
    # The trainer prints through one of these two, depending on your
    # logging settings. Remove both; we print what we need.
    trainer.remove_callback(ProgressCallback)
    trainer.remove_callback(PrinterCallback)
    trainer.train()
    model.eval()
    replies = classify(model, held_out)
    log = trainer.state.log_history
    return {
        "losses": [entry["loss"] for entry in log if "loss" in entry],
        "replies": replies,
        "score": exact_matches(replies, held_out),
    }


def report(name, run):
    losses, replies = run["losses"], run["replies"]
    pos = replies.count("LABEL: positive")
    neg = replies.count("LABEL: negative")
    other = len(replies) - pos - neg
    print(name)
    print(f"  loss {losses[0]:.2f} -> {losses[-1]:.2f}")
    print(f"  held-out {run['score']}/{len(held_out)}")
    print(f"  replies: {pos} pos, {neg} neg, {other} other")


runs = {}
runs["2.1's settings"] = fine_tune()  # for 5 steps, not 10
report("2.1's settings", runs["2.1's settings"])
# Each step's loss, as lesson 2.1 printed its own: compare them.
for step, loss in enumerate(runs["2.1's settings"]["losses"], 1):
    print(f"  step {step}  loss {loss:.4f}")
