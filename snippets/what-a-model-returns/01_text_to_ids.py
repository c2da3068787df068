from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)

text = "The capital of France is"
inputs = tokenizer(text, return_tensors="pt")
ids = inputs["input_ids"][0].tolist()

print("ids:", ids)
for token_id in ids:
    print(f"{token_id:>6}  {tokenizer.decode(token_id)!r}")
