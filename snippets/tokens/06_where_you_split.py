from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained(
    "HuggingFaceTB/SmolLM2-135M-Instruct"
)

prompt, reply = "LABEL: ", "positive"
together = tokenizer.encode(prompt + reply)
apart = tokenizer.encode(prompt) + tokenizer.encode(reply)
print("together:", tokenizer.convert_ids_to_tokens(together))
print("apart:   ", tokenizer.convert_ids_to_tokens(apart))
print("same ids:", together == apart)

# Both decode to the same text, which encodes
# as `together`: text round-trips, ids don't.
text = tokenizer.decode(apart)
print("same text:", text == tokenizer.decode(together))
print("re-encoded:", tokenizer.encode(text) == together)
