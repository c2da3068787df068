from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)

text = "The capital of France is Paris."
ids = tokenizer(text, return_tensors="pt")["input_ids"]
# labels=ids: transformers computes the training loss for you.
output = model(input_ids=ids, labels=ids)
print(f"Tokens:        {ids.shape[1]}")
print(f"Logits shape:  {tuple(output.logits.shape)}")
print(f"Model's loss:  {output.loss.item():.6f}")
