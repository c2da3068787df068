from transformers import AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)

print(f"Vocabulary size: {len(tokenizer):,} tokens")
print("Special tokens:")
for role, token in tokenizer.special_tokens_map.items():
    token_id = tokenizer.convert_tokens_to_ids(token)
    print(f"  {role:<10} {token:<14} id {token_id}")
