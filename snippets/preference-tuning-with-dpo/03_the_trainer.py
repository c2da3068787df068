# Continues the block above (02_preference_pairs.py).
import torch
from peft import LoraConfig
from transformers import PrinterCallback, ProgressCallback
from trl import DPOConfig, DPOTrainer

args = DPOConfig(
    output_dir="dpo-run",
    per_device_train_batch_size=2,
    max_steps=10,
    learning_rate=1e-3,  # the default, 1e-6, barely moves a LoRA
    lr_scheduler_type="linear",
    beta=0.1,
    max_length=128,  # prompt + reply; longer rows are cut
    logging_steps=1,
    seed=0,
    # The defaults are for GPUs: on a CPU, bf16 fails.
    bf16=False,
    activation_checkpointing=False,
    dataloader_pin_memory=False,
    save_strategy="no",
    report_to="none",
)
lora = LoraConfig(
    r=2,
    lora_alpha=4,
    lora_dropout=0.0,
    target_modules="all-linear",
    task_type="CAUSAL_LM",
)
torch.manual_seed(0)  # LoRA's A matrices start random: fix them.
trainer = DPOTrainer(
    model=model,
    args=args,
    train_dataset=dataset,
    processing_class=tokenizer,
    peft_config=lora,
)
# Quiet: we print what the page talks about.
trainer.remove_callback(ProgressCallback)
trainer.remove_callback(PrinterCallback)

print(f"Reference model loaded: {trainer.ref_model is not None}")
rows = trainer.train_dataset
print(f"Pairs kept: {len(rows)} of {len(dataset)}")
longest = max(
    len(r["prompt_ids"]) + max(len(r["chosen_ids"]), len(r["rejected_ids"]))
    for r in rows
)
print(f"Longest prompt + reply: {longest} tokens")
print(f"Prompt tokens of the first pair: {len(rows[0]['prompt_ids'])}")
print("Its chosen reply:", repr(tokenizer.decode(rows[0]["chosen_ids"])))
