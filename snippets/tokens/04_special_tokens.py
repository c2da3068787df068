from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained(
    "HuggingFaceTB/SmolLM2-135M-Instruct"
)

messages = [{"role": "user", "content": "Hi!"}]
chat = tokenizer.apply_chat_template(messages, add_generation_prompt=True)
ids = chat["input_ids"]
print(f"{len(ids)} ids")
for i, token_id in enumerate(ids):
    if token_id in tokenizer.all_special_ids:
        token = tokenizer.convert_ids_to_tokens(token_id)
        print(f"  position {i:>2}: id {token_id} {token}")

print(repr(tokenizer.decode(ids[-8:])))
print(repr(tokenizer.decode(ids[-8:], skip_special_tokens=True)))
