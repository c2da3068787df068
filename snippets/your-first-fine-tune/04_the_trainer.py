# Continues the block above (03_add_lora.py).
from transformers import PrinterCallback, ProgressCallback
from trl import SFTConfig, SFTTrainer

args = SFTConfig(
    output_dir="sentiment-run",
    per_device_train_batch_size=2,
    max_steps=10,
    learning_rate=1e-3,
    lr_scheduler_type="linear",
    max_length=128,
    logging_steps=1,
    seed=0,
    # SFTConfig's defaults are for GPUs: bfloat16 and activation
    # checkpointing only slow a CPU down.
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
# The trainer prints a progress bar, or its log dicts when tqdm is off:
# remove both, and print the losses below.
trainer.remove_callback(ProgressCallback)
trainer.remove_callback(PrinterCallback)

seen = args.max_steps * args.per_device_train_batch_size
print(f"Examples trained on: {seen} of {len(dataset)}")

row = trainer.train_dataset[0]
# Label -100 marks a token the loss ignores.
in_loss = [token for token in row["labels"] if token != -100]
print(f"Tokens in the first example: {len(row['input_ids'])}")
print(f"Tokens the loss is computed on: {len(in_loss)}")
print(repr(tokenizer.decode(in_loss)))
