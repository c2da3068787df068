# Continues the block above (02_odds_ratio.py).
from peft import LoraConfig
from transformers import PrinterCallback, ProgressCallback
from trl.experimental.orpo import ORPOConfig, ORPOTrainer

args = ORPOConfig(
    output_dir="orpo-run",
    per_device_train_batch_size=2,
    max_steps=10,
    learning_rate=1e-3,
    lr_scheduler_type="linear",
    beta=0.1,  # the weight of the odds-ratio term
    max_length=128,
    logging_steps=1,
    seed=0,
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


def as_text(row):
    # ORPOTrainer puts its own end-of-turn token after each reply: give
    # it the prompt through the chat template, the replies as plain text.
    return {
        "prompt": tokenizer.apply_chat_template(
            row["prompt"], add_generation_prompt=True, tokenize=False
        ),
        "chosen": row["chosen"][0]["content"],
        "rejected": row["rejected"][0]["content"],
    }


text_pairs = Dataset.from_list([as_text(row) for row in dataset])
torch.manual_seed(0)
trainer = ORPOTrainer(
    model=model,
    args=args,
    train_dataset=text_pairs,
    processing_class=tokenizer,
    peft_config=lora,
)
trainer.remove_callback(ProgressCallback)
trainer.remove_callback(PrinterCallback)
print(f"Reference model: {getattr(trainer, 'ref_model', None)}")
row = trainer.train_dataset[0]
in_loss = [t for t in row["chosen_labels"] if t != -100]
print("Chosen reply, as trained:", repr(tokenizer.decode(in_loss)))
# TRL's ORPO computes its SFT part on every token, prompt included.
print(f"Tokens in the SFT part: {len(row['chosen_input_ids'])}")
print(f"  of which the reply: {len(in_loss)}")
