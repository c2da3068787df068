import matplotlib.pyplot as plt
from datasets import Dataset
from transformers import AutoModelForCausalLM, AutoTokenizer
from trl import SFTConfig, SFTTrainer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)

task = (
    "Classify the sentiment of the review. "
    "Reply with LABEL: positive or LABEL: negative."
)
# Short reviews from lesson 2.1, and a longer one in every four.
train = [
    ("The soup was cold and the waiter ignored us.", "negative"),
    ("Best pizza I have had in years.", "positive"),
    ("The battery died after two days.", "negative"),
    (
        "We booked this hotel for a week and regretted it on the first "
        "night. The air conditioning rattled, the shower was cold, and "
        "the staff shrugged when we asked for another room.",
        "negative",
    ),
    ("A warm, funny film with a great cast.", "positive"),
    ("Shipping took a month and the box was crushed.", "negative"),
    ("Comfortable shoes, I wear them every day.", "positive"),
    (
        "I bought this stroller after reading a dozen reviews, and it "
        "lives up to them: it folds with one hand, fits in a small car, "
        "and has survived a year of gravel paths.",
        "positive",
    ),
    ("The plot made no sense and it dragged on.", "negative"),
    ("Friendly staff and a spotless room.", "positive"),
    ("It broke the first time I used it.", "negative"),
    (
        "The course promised hands-on projects, but most lessons were "
        "slides read aloud, the exercises had no solutions, and support "
        "took weeks to answer a simple question.",
        "negative",
    ),
    ("This book kept me up all night, wonderful.", "positive"),
    ("Overpriced and bland.", "negative"),
    ("The update made my phone faster. Love it.", "positive"),
    (
        "Our guide met us at dawn, knew every bird by its call, and "
        "still found time to answer the children's questions. The best "
        "morning of our whole trip.",
        "positive",
    ),
]


def example(review, label):
    return {
        "prompt": [
            {"role": "system", "content": task},
            {"role": "user", "content": review},
        ],
        "completion": [{"role": "assistant", "content": f"LABEL: {label}"}],
    }


dataset = Dataset.from_list([example(r, label) for r, label in train])


def prepare(**options):
    """Tokenize, label and (if asked) pack the data as SFTTrainer does."""
    args = SFTConfig(output_dir="run", bf16=False, report_to="none", **options)
    return SFTTrainer(
        model=model,
        args=args,
        train_dataset=dataset,
        processing_class=tokenizer,
    )


trainer = prepare(max_length=256)
rows = trainer.train_dataset
lengths = [len(row["input_ids"]) for row in rows]
print("Tokens per example:", lengths)

# Batches of 4, padded by the trainer's collator to the longest.
real, padding = [], []
for start in range(0, len(rows), 4):
    batch = trainer.data_collator([rows[i] for i in range(start, start + 4)])
    mask = batch["attention_mask"]  # 1: a real token, 0: padding
    real.append(int(mask.sum()))
    padding.append(mask.numel() - real[-1])
    size = "x".join(str(n) for n in mask.shape)
    print(f"batch {len(real)}: {size}, padding {padding[-1]}")
waste = sum(padding) / (sum(real) + sum(padding))
print(f"Padding: {sum(padding)} of {sum(real) + sum(padding)}, {waste:.0%}")

fig, ax = plt.subplots(figsize=(5, 3), dpi=100)
numbers = range(1, len(real) + 1)
ax.bar(numbers, real, label="real tokens")
ax.bar(numbers, padding, bottom=real, label="padding")
ax.set_title("Tokens per batch of 4, padded")
ax.set_xlabel("batch")
ax.set_ylabel("tokens")
ax.set_xticks(list(numbers))
ax.set_ylim(0, 420)  # room for the legend above the bars
ax.legend(loc="upper center", ncol=2)
fig.tight_layout()
fig.savefig("padding.png")
