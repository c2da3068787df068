# Lesson 2.1's task, data and fine-tune, unchanged: see there for
# what each part does. This block trains, then scores the held-out set.
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
model = AutoModelForCausalLM.from_pretrained(model_id)

task = (
    "Classify the sentiment of the review. "
    "Reply with LABEL: positive or LABEL: negative."
)
held_out = [
    ("The hotel lost our booking and charged us anyway.", "negative"),
    ("What a lovely little bakery.", "positive"),
    ("The keyboard stopped working after a week.", "negative"),
    ("The actors were brilliant and the music moving.", "positive"),
    ("Rude staff and a dirty kitchen.", "negative"),
    ("This blender makes perfect smoothies.", "positive"),
    ("The film was two hours of nothing happening.", "negative"),
    ("Easy to read and full of good ideas.", "positive"),
    ("The zipper broke on the first trip.", "negative"),
    ("We had a wonderful evening, thank you.", "positive"),
    ("The game is full of bugs and ads.", "negative"),
    ("The garden looks amazing with these lights.", "positive"),
]
train = [
    ("The soup was cold and the waiter ignored us.", "negative"),
    ("Best pizza I have had in years.", "positive"),
    ("The battery died after two days.", "negative"),
    ("A warm, funny film with a great cast.", "positive"),
    ("Shipping took a month and the box was crushed.", "negative"),
    ("Comfortable shoes, I wear them every day.", "positive"),
    ("The plot made no sense and it dragged on.", "negative"),
    ("Friendly staff and a spotless room.", "positive"),
    ("It broke the first time I used it.", "negative"),
    ("This book kept me up all night, wonderful.", "positive"),
    ("Overpriced and bland.", "negative"),
    ("The update made my phone faster. Love it.", "positive"),
    ("Customer service hung up on me twice.", "negative"),
    ("Fresh bread, good coffee, lovely garden.", "positive"),
    ("The screen scratches far too easily.", "negative"),
    ("My kids loved every minute of the show.", "positive"),
    ("Noisy room, thin walls, no sleep.", "negative"),
    ("Setup took five minutes and it just works.", "positive"),
    ("The sequel is a lazy copy of the first film.", "negative"),
    ("Great value for the money.", "positive"),
    ("The app crashes every time I open it.", "negative"),
    ("A beautiful hike with amazing views.", "positive"),
    ("The instructions were missing half the steps.", "negative"),
    ("The chef came out to say hello. Delightful.", "positive"),
    ("Boring lectures and a useless textbook.", "negative"),
    ("The headphones sound clear and rich.", "positive"),
    ("My order arrived wrong and nobody replied.", "negative"),
    ("Quiet, clean and close to the station.", "positive"),
    ("The paint peeled off within a week.", "negative"),
    ("An honest, moving story. Highly recommended.", "positive"),
    ("Too salty, and the portions were tiny.", "negative"),
    ("The course was clear and well paced.", "positive"),
    ("The charger gets dangerously hot.", "negative"),
    ("Our guide was patient and knew everything.", "positive"),
    ("I waited an hour for a table I had booked.", "negative"),
    ("Soft fabric and it fits perfectly.", "positive"),
    ("The ending ruined the whole series for me.", "negative"),
    ("The museum was a joy from start to finish.", "positive"),
    ("Flimsy plastic that cracked in the cold.", "negative"),
    ("Fast delivery and the seller was kind.", "positive"),
]


def chat(review):
    return [
        {"role": "system", "content": task},
        {"role": "user", "content": review},
    ]


def example(review, label):
    return {
        "prompt": chat(review),
        "completion": [{"role": "assistant", "content": f"LABEL: {label}"}],
    }


torch.manual_seed(0)
config = LoraConfig(
    r=2,
    lora_alpha=4,
    lora_dropout=0.0,
    target_modules="all-linear",
    task_type="CAUSAL_LM",
)
model = get_peft_model(model, config)
args = SFTConfig(
    output_dir="sentiment-run",
    per_device_train_batch_size=2,
    max_steps=10,
    learning_rate=1e-3,
    lr_scheduler_type="linear",
    max_length=128,
    logging_steps=1,
    seed=0,
    bf16=False,
    activation_checkpointing=False,
    save_strategy="no",
    report_to="none",
)
trainer = SFTTrainer(
    model=model,
    args=args,
    train_dataset=Dataset.from_list([example(r, label) for r, label in train]),
    processing_class=tokenizer,
)
trainer.remove_callback(ProgressCallback)
trainer.remove_callback(PrinterCallback)
trainer.train()
model.eval()


def generate(messages):
    batch = tokenizer.apply_chat_template(
        messages,
        add_generation_prompt=True,
        padding=True,
        return_dict=True,
        return_tensors="pt",
    )
    output = model.generate(**batch, max_new_tokens=8, do_sample=False)
    replies = output[:, batch["input_ids"].shape[1] :]
    return tokenizer.batch_decode(replies, skip_special_tokens=True)


def exact_match(replies, reviews):
    # Right only if the reply is the label, character for character.
    return sum(
        reply == f"LABEL: {label}"
        for reply, (_, label) in zip(replies, reviews)
    )


tuned = generate([chat(review) for review, _ in held_out])
hits = exact_match(tuned, held_out)
print(f"Fine-tuned, held-out exact match: {hits}/{len(held_out)}")
