from datasets import Dataset
from peft import LoraConfig
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    PrinterCallback,
    ProgressCallback,
)
from trl import DPOConfig, DPOTrainer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)

# Four preference pairs: the format is chosen, a wordy reply rejected.
rows = [
    ("What is 3 + 5?", "The answer is 8.", "3 + 5 = 8"),
    (
        "What is 12 - 4?",
        "The answer is 8.",
        "12 - 4 is 8, which is the difference.",
    ),
    (
        "What is 9 + 10?",
        "The answer is 19.",
        "To calculate 9 + 10, add the two numbers: 19.",
    ),
    (
        "How many legs does a spider have?",
        "The answer is 8.",
        "A spider has 8 legs.",
    ),
]
pairs = Dataset.from_list(
    [
        {
            "prompt": [{"role": "user", "content": question}],
            "chosen": [{"role": "assistant", "content": chosen}],
            "rejected": [{"role": "assistant", "content": rejected}],
        }
        for question, chosen, rejected in rows
    ]
)

args = DPOConfig(
    output_dir="dpo-run",
    beta=0.1,
    per_device_train_batch_size=2,
    max_steps=2,
    learning_rate=1e-3,  # DPOConfig's default, 1e-6, barely moves LoRA
    lr_scheduler_type="linear",
    max_length=128,
    logging_steps=1,
    seed=0,
    # DPOConfig's defaults are for GPUs.
    bf16=False,
    activation_checkpointing=False,
    dataloader_pin_memory=False,
    save_strategy="no",
    report_to="none",
)
trainer = DPOTrainer(
    model=model,
    args=args,
    train_dataset=pairs,
    processing_class=tokenizer,
    # With a LoRA config, the reference is the adapter switched off.
    peft_config=LoraConfig(
        r=2, lora_alpha=4, lora_dropout=0.0, target_modules="all-linear"
    ),
)
# Print only what the page talks about, whatever the logging settings.
trainer.remove_callback(ProgressCallback)
trainer.remove_callback(PrinterCallback)

print(f"Pairs: {len(trainer.train_dataset)}")
print(f"Separate reference model: {trainer.ref_model is not None}")
row = trainer.train_dataset[0]
for key in ["prompt_ids", "chosen_ids", "rejected_ids"]:
    print(f"{key}: {len(row[key])} tokens")
