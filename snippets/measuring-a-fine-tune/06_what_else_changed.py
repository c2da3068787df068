# Continues the block above (05_log_likelihood.py).
# Questions with a checkable answer that the instruct model gets right,
# asked as a user would: no system message about reviews.
questions = [
    ("What is the capital of France?", "paris"),
    ("What is the capital of Japan?", "tokyo"),
    ("What is the capital of Germany?", "berlin"),
    ("What is 2 + 2?", "4"),
    ("What is the opposite of hot?", "cold"),
    ("What is the largest ocean on Earth?", "pacific"),
]


def ask(questions):
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


with model.disable_adapter():
    before = ask(questions)
after = ask(questions)
for (question, _), b, a in zip(questions, before, after):
    print(question)
    print(f"  before: {b!r}")
    print(f"  after:  {a!r}")


def right(replies):
    """How many replies contain their question's answer."""
    return sum(ans in r.lower() for (_, ans), r in zip(questions, replies))


print(f"Right before: {right(before)}/{len(questions)}")
print(f"Right after: {right(after)}/{len(questions)}")
