# Continues the block above (01_task_and_data.py).
import torch
from peft import LoraConfig, get_peft_model
from transformers import (
    AutoModelForCausalLM,
    EarlyStoppingCallback,
    PrinterCallback,
    ProgressCallback,
)
from trl import SFTConfig, SFTTrainer

model = AutoModelForCausalLM.from_pretrained(model_id)
torch.manual_seed(0)  # LoRA's A matrices start random: fix them.
config = LoraConfig(
    r=2,
    lora_alpha=4,
    lora_dropout=0.0,
    target_modules="all-linear",
    task_type="CAUSAL_LM",
)
model = get_peft_model(model, config)

args = SFTConfig(
    output_dir="curve-run",
    per_device_train_batch_size=2,
    max_steps=30,  # at most 60 examples: 1.5 passes over the 40
    learning_rate=1e-3,
    lr_scheduler_type="constant",  # no decay: the rate stays 1e-3
    max_length=128,
    seed=0,
    # Every 2 steps: log the training loss, compute the held-out
    # loss, and save a checkpoint (the adapter as it is then).
    logging_steps=2,
    eval_strategy="steps",
    eval_steps=2,
    save_strategy="steps",
    save_steps=2,
    per_device_eval_batch_size=12,
    # At the end, load the checkpoint with the lowest held-out loss.
    load_best_model_at_end=True,
    metric_for_best_model="eval_loss",
    bf16=False,
    activation_checkpointing=False,
    report_to="none",
)
trainer = SFTTrainer(
    model=model,
    args=args,
    train_dataset=dataset,
    eval_dataset=held_out_set,
    processing_class=tokenizer,
    # Stop after 2 evaluations in a row that don't beat the lowest
    # held-out loss so far by more than 0.002.
    callbacks=[
        EarlyStoppingCallback(
            early_stopping_patience=2, early_stopping_threshold=0.002
        )
    ],
)
trainer.remove_callback(ProgressCallback)
trainer.remove_callback(PrinterCallback)
trainer.train()

log = trainer.state.log_history
steps = [e["step"] for e in log if "loss" in e]
train_loss = [e["loss"] for e in log if "loss" in e]
held_loss = [e["eval_loss"] for e in log if "eval_loss" in e]
print("step   train  held-out")
for step, tl, hl in zip(steps, train_loss, held_loss):
    print(f"{step:4d}  {tl:.4f}  {hl:.4f}")
