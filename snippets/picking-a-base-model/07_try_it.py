from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)

# A handful of your real prompts. Here: the task of the next lesson.
task = (
    "Classify the sentiment of the review. "
    "Reply with LABEL: positive or LABEL: negative."
)
reviews = [
    "The room was small but spotless.",
    "Two weeks in, the strap snapped.",
    "I laughed all the way through.",
]
for review in reviews:
    messages = [
        {"role": "system", "content": task},
        {"role": "user", "content": review},
    ]
    inputs = tokenizer.apply_chat_template(
        messages,
        add_generation_prompt=True,
        return_dict=True,
        return_tensors="pt",
    )
    # Greedy decoding (do_sample=False): the same reply on every run.
    output = model.generate(**inputs, max_new_tokens=12, do_sample=False)
    reply = output[0, inputs["input_ids"].shape[1] :]
    print(review)
    print("  ->", repr(tokenizer.decode(reply, skip_special_tokens=True)))
