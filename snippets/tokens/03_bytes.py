from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained(
    "HuggingFaceTB/SmolLM2-135M-Instruct"
)

for text in ["café", "🤗"]:
    ids = tokenizer.encode(text)
    print(f"{text}: {len(text)} character(s), ids {ids}")
    for token_id in ids:
        print(f"  {token_id:>6} decodes to {tokenizer.decode(token_id)!r}")
    print("  all together:", repr(tokenizer.decode(ids)))

unknown = tokenizer.unk_token_id
print("unknown token used:", unknown in tokenizer.encode("café 🤗"))
