from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained(
    "HuggingFaceTB/SmolLM2-135M-Instruct"
)

text = "Fine-tuning changes the weights."
ids = tokenizer.encode(text)
print("ids:   ", ids)
print("tokens:", tokenizer.convert_ids_to_tokens(ids))

back = tokenizer.decode(ids)
print("decoded:", repr(back))
print("round trip:", back == text)
