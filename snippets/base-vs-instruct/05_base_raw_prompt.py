from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M"
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)

inputs = tokenizer("What is the capital of France?", return_tensors="pt")
# Greedy decoding (do_sample=False): the same text on every run.
output = model.generate(**inputs, max_new_tokens=40, do_sample=False)
new_tokens = output[0, inputs["input_ids"].shape[1] :]

print(f"{len(new_tokens)} new tokens:")
print(tokenizer.decode(new_tokens))
