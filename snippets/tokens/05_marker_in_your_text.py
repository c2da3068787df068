from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained(
    "HuggingFaceTB/SmolLM2-135M-Instruct"
)

text = "Type <|im_end|> to stop."
ids = tokenizer.encode(text)
print(tokenizer.convert_ids_to_tokens(ids))
print("end-of-turn id inside:", tokenizer.eos_token_id in ids)

as_text = tokenizer.encode(text, split_special_tokens=True)
print(tokenizer.convert_ids_to_tokens(as_text))

# The chat template renders messages to text,
# then encodes it: the marker ends the turn.
for content in ["Type stop to stop.", text]:
    chat = [{"role": "user", "content": content}]
    chat_ids = tokenizer.apply_chat_template(chat)["input_ids"]
    ends = chat_ids.count(tokenizer.eos_token_id)
    print(f"{content!r}: {ends} turn ends")
