from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained(
    "HuggingFaceTB/SmolLM2-135M-Instruct"
)

words = [
    "Paris",
    " Paris",
    " paris",
    " PARIS",
    " tokenization",
    " unbelievably",
    " SmolLM2",
    " 2026",
]
for word in words:
    ids = tokenizer.encode(word)
    pieces = [tokenizer.decode(i) for i in ids]
    print(f"{word!r:<15} {ids}")
    print(f"{'':<15} {pieces}")
