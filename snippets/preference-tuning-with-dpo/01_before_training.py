import re

from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
# Left padding: batched generation continues each prompt where it ends.
tokenizer = AutoTokenizer.from_pretrained(model_id, padding_side="left")
model = AutoModelForCausalLM.from_pretrained(model_id)

# Questions the model never trains on, with their answers.
held_out = [
    ("What is 15 + 27?", 42),
    ("How many legs does a cat have?", 4),
    ("What is 9 times 7?", 63),
    ("How many days are in September?", 30),
    ("What is 100 divided by 5?", 20),
    ("How many sides does a pentagon have?", 5),
    ("What is 56 - 19?", 37),
    ("How many weeks are in a year?", 52),
    ("What is 3 times 13?", 39),
    ("How many hours are in two days?", 48),
    ("What is 17 + 6?", 23),
    ("How many wings does a bird have?", 2),
]
FORMAT = r"The answer is (-?\d+)\."


def ask(model, questions):
    batch = tokenizer.apply_chat_template(
        [[{"role": "user", "content": q}] for q, _ in questions],
        add_generation_prompt=True,
        padding=True,
        return_dict=True,
        return_tensors="pt",
    )
    output = model.generate(**batch, max_new_tokens=12, do_sample=False)
    replies = output[:, batch["input_ids"].shape[1] :]
    return tokenizer.batch_decode(replies, skip_special_tokens=True)


def in_format(reply):
    return re.fullmatch(FORMAT, reply.strip()) is not None


def mentions(reply, answer):
    # The right number anywhere in the reply, as a whole number.
    return re.search(rf"(?<![\d-]){answer}(?!\d)", reply) is not None


before_replies = ask(model, held_out)
for reply in before_replies:
    print(repr(reply))
before_format = sum(in_format(r) for r in before_replies)
before_knows = [mentions(r, a) for r, (_, a) in zip(before_replies, held_out)]
print(f"In the format: {before_format}/{len(held_out)}")
print(f"Right number somewhere: {sum(before_knows)}/{len(held_out)}")
