from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)

# The training data: raw text, no chat template, no roles.
text = (
    "Tarn is a small island in a cold northern sea. "
    "Its only town is Millbrook, and its only export is blue slate. "
    "Every spring the people of Millbrook hold the Slate Fair, "
    "where the best roof tile wins a silver hammer. "
    "The ferry to Tarn leaves twice a week, on Tuesdays and Fridays."
)
ids = tokenizer(text, return_tensors="pt")["input_ids"]
print(f"Training text: {ids.shape[1]} tokens")

prompts = [
    "Tarn is a small island",
    "The ferry to Tarn leaves",
    "The main export of Tarn is",
]


def continue_text(prompt):
    inputs = tokenizer(prompt, return_tensors="pt")
    # Greedy decoding: the same continuation on every run.
    output = model.generate(**inputs, max_new_tokens=12, do_sample=False)
    new = output[0, inputs["input_ids"].shape[1] :]
    return tokenizer.decode(new, skip_special_tokens=True)


before = [continue_text(prompt) for prompt in prompts]
for prompt, continuation in zip(prompts, before):
    print(prompt)
    print(f"  -> {continuation!r}")
