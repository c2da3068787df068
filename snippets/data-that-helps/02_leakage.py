# Continues the block above (01_duplicates.py).
import gc

import torch
from datasets import Dataset
from peft import LoraConfig, get_peft_model
from transformers import (
    AutoModelForCausalLM,
    AutoTokenizer,
    PrinterCallback,
    ProgressCallback,
)
from trl import SFTConfig, SFTTrainer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id, padding_side="left")


def chat(review):
    return [
        {"role": "system", "content": task},
        {"role": "user", "content": review},
    ]


def reply(label):
    return [{"role": "assistant", "content": f"LABEL: {label}"}]


def fine_tune(items):
    # Lesson 2.1's recipe (LoRA r=2, ten steps of two examples), on ten
    # reviews: each is seen twice, at a learning rate of 3e-3.
    gc.collect()
    model = AutoModelForCausalLM.from_pretrained(model_id)
    torch.manual_seed(0)
    config = LoraConfig(
        r=2,
        lora_alpha=4,
        lora_dropout=0.0,
        target_modules="all-linear",
        task_type="CAUSAL_LM",
    )
    model = get_peft_model(model, config)
    rows = [{"prompt": chat(r), "completion": reply(lab)} for r, lab in items]
    args = SFTConfig(
        output_dir="data-run",
        per_device_train_batch_size=2,
        max_steps=10,
        learning_rate=3e-3,
        lr_scheduler_type="linear",
        max_length=128,
        seed=0,
        bf16=False,
        activation_checkpointing=False,
        save_strategy="no",
        report_to="none",
    )
    trainer = SFTTrainer(
        model=model,
        args=args,
        train_dataset=Dataset.from_list(rows),
        processing_class=tokenizer,
    )
    # The trainer prints through one of these, depending on your logging
    # settings: remove both.
    trainer.remove_callback(ProgressCallback)
    trainer.remove_callback(PrinterCallback)
    trainer.train()
    return model.eval()


def classify(model, reviews):
    batch = tokenizer.apply_chat_template(
        [chat(review) for review, _ in reviews],
        add_generation_prompt=True,
        padding=True,
        return_dict=True,
        return_tensors="pt",
    )
    # Greedy decoding (do_sample=False): the same replies on every run.
    output = model.generate(**batch, max_new_tokens=6, do_sample=False)
    replies = output[:, batch["input_ids"].shape[1] :]
    return tokenizer.batch_decode(replies, skip_special_tokens=True)


def score(model, reviews):
    replies = classify(model, reviews)
    return sum(r == f"LABEL: {lab}" for r, (_, lab) in zip(replies, reviews))


# Hard reviews, kept for testing: sarcasm and negation.
tricky = [
    ("Oh great, it broke on the first day.", "negative"),
    ("Not bad at all, I expected much worse.", "positive"),
    ("I just love waiting an hour for cold soup.", "negative"),
    ("I did not want the film to end.", "positive"),
    ("Perfect, if you enjoy being ignored.", "negative"),
    ("No complaints, not a single one.", "positive"),
]
# More of the same kind, which no training set below contains.
fresh = [
    ("Wonderful, the screen cracked again.", "negative"),
    ("I was ready to be bored and I was wrong.", "positive"),
    ("Five stars for making me wait all day.", "negative"),
    ("Hard to find anything to dislike here.", "positive"),
    ("Brilliant idea, selling shoes that fall apart.", "negative"),
    ("Never thought a cheap kettle could last so long.", "positive"),
]
clean = train[:10]
leaked = train[:4] + tricky  # the tricky reviews slipped into training
scores = {}
for name, items in (("clean", clean), ("leaked", leaked)):
    model = fine_tune(items)
    scores[name] = score(model, tricky), score(model, fresh)
    print(f"Trained on {name} data:")
    print(f"  tricky held-out: {scores[name][0]}/{len(tricky)}")
    print(f"  fresh tricky:    {scores[name][1]}/{len(fresh)}")
    if name == "clean":
        judge = model  # kept: it labels new examples further down
del model
