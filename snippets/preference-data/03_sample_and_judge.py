import re

import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id, padding_side="left")
model = AutoModelForCausalLM.from_pretrained(model_id)

system = "Answer with one short sentence that starts with: The answer is"
# Each question with its true answer (used in the last block).
questions = [
    ("What is 3 + 5?", 8),
    ("What is 12 - 4?", 8),
    ("What is 9 + 10?", 19),
    ("How many legs does a spider have?", 8),
]


def prompt_of(question):
    return [
        {"role": "system", "content": system},
        {"role": "user", "content": question},
    ]


def follows_the_format(reply):
    return re.fullmatch(r"The answer is -?\d+\.", reply.strip()) is not None


batch = tokenizer.apply_chat_template(
    [prompt_of(question) for question, _ in questions],
    add_generation_prompt=True,
    padding=True,
    return_dict=True,
    return_tensors="pt",
)
n = 6  # replies sampled per question
torch.manual_seed(0)  # sampling is random: the seed makes it repeatable
output = model.generate(
    **batch,
    do_sample=True,
    temperature=0.7,
    max_new_tokens=12,
    num_return_sequences=n,
)
texts = tokenizer.batch_decode(
    output[:, batch["input_ids"].shape[1] :], skip_special_tokens=True
)
# num_return_sequences keeps each question's n replies together.
samples = {q: texts[i * n : (i + 1) * n] for i, (q, _) in enumerate(questions)}

for question, replies in samples.items():
    print(question)
    for reply in replies:
        verdict = "keep" if follows_the_format(reply) else "drop"
        print(f"  {verdict} {reply.strip()[:36]!r}")
kept = sum(follows_the_format(r) for rs in samples.values() for r in rs)
print(f"The rule keeps {kept} of {n * len(questions)} replies.")
