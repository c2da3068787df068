from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
# Left padding, so that batched generation continues every prompt
# right where it ends.
tokenizer = AutoTokenizer.from_pretrained(model_id, padding_side="left")
model = AutoModelForCausalLM.from_pretrained(model_id)

task = (
    "Classify the sentiment of the review. "
    "Reply with LABEL: positive or LABEL: negative."
)
# Reviews the model never trains on: the test of what it learned.
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


def chat(review):
    return [
        {"role": "system", "content": task},
        {"role": "user", "content": review},
    ]


def generate(model, reviews):
    batch = tokenizer.apply_chat_template(
        [chat(review) for review, _ in reviews],
        add_generation_prompt=True,
        padding=True,
        return_dict=True,
        return_tensors="pt",
    )
    # Greedy decoding (do_sample=False): the same replies on every run.
    # At most 8 new tokens: a label and its <|im_end|> need fewer.
    output = model.generate(**batch, max_new_tokens=8, do_sample=False)
    return output[:, batch["input_ids"].shape[1] :]


def classify(model, reviews):
    replies = generate(model, reviews)
    return tokenizer.batch_decode(replies, skip_special_tokens=True)


def exact_matches(replies, reviews):
    return sum(
        reply == f"LABEL: {label}"
        for reply, (_, label) in zip(replies, reviews)
    )


before_ids = generate(model, held_out)
before_replies = tokenizer.batch_decode(before_ids, skip_special_tokens=True)
for reply in before_replies:
    print(repr(reply))
before = exact_matches(before_replies, held_out)
print(f"Exact matches: {before}/{len(held_out)}")
# A reply without <|im_end|> was cut at 8 tokens, not finished.
end = tokenizer.eos_token_id
cut = sum(end not in ids for ids in before_ids.tolist())
print(f"Cut at 8 tokens: {cut}/{len(held_out)}")
