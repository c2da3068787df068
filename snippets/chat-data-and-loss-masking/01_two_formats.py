from datasets import Dataset
from transformers import AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)

task = (
    "Classify the sentiment of the review. "
    "Reply with LABEL: positive or LABEL: negative."
)
# The first four training reviews of lesson 2.1.
train = [
    ("The soup was cold and the waiter ignored us.", "negative"),
    ("Best pizza I have had in years.", "positive"),
    ("The battery died after two days.", "negative"),
    ("A warm, funny film with a great cast.", "positive"),
]


def chat(review):
    return [
        {"role": "system", "content": task},
        {"role": "user", "content": review},
    ]


def reply(label):
    return [{"role": "assistant", "content": f"LABEL: {label}"}]


# Format 1, prompt-completion: what to read, and what to answer.
pc_data = Dataset.from_list(
    [{"prompt": chat(r), "completion": reply(label)} for r, label in train]
)
# Format 2, messages: one whole conversation per example.
msg_data = Dataset.from_list(
    [{"messages": chat(r) + reply(label)} for r, label in train]
)

pc, msg = pc_data[0], msg_data[0]
print("prompt-completion columns:", pc_data.column_names)
print("  prompt roles:", [m["role"] for m in pc["prompt"]])
print("  completion roles:", [m["role"] for m in pc["completion"]])
print("messages columns:", msg_data.column_names)
print("  roles:", [m["role"] for m in msg["messages"]])
pc_text = tokenizer.apply_chat_template(
    pc["prompt"] + pc["completion"], tokenize=False
)
msg_text = tokenizer.apply_chat_template(msg["messages"], tokenize=False)
print("Same text for the model:", pc_text == msg_text)
