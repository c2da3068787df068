# Continues the block above (04_label_balance.py).
import textwrap

topics = ["restaurant", "hotel", "phone", "film", "book", "pair of shoes"]
asks = [
    (topic, label) for topic in topics for label in ("positive", "negative")
]


def request(topic, label):
    text = f"Write a one-sentence {label} review of a {topic}."
    return [{"role": "user", "content": text}]


batch = tokenizer.apply_chat_template(
    [request(topic, label) for topic, label in asks],
    add_generation_prompt=True,
    padding=True,
    return_dict=True,
    return_tensors="pt",
)
torch.manual_seed(0)  # sampling draws random numbers: fix them
# With its adapter switched off, the clean run's model is the instruct
# model itself: the writer, without loading it a second time.
with judge.disable_adapter():
    output = judge.generate(
        **batch, max_new_tokens=32, do_sample=True, temperature=0.8, top_p=0.95
    )
synthetic = []
for (_, label), ids in zip(asks, output[:, batch["input_ids"].shape[1] :]):
    finished = tokenizer.eos_token_id in ids.tolist()  # not cut at 32
    text = tokenizer.decode(ids, skip_special_tokens=True).strip()
    synthetic.append((text, label, finished))

print(f"Generated: {len(synthetic)}")
for text, label, finished in synthetic[:6]:
    print(f"[{label}{'' if finished else ', cut'}]")
    print(textwrap.indent(textwrap.fill(text, 56), "  "))
