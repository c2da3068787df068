from transformers import AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)

texts = {
    "English": "Please pay the invoice by the end of the month.",
    "French": "Veuillez payer la facture avant la fin du mois.",
    "Greek": "Παρακαλώ πληρώστε το τιμολόγιο έως το τέλος του μήνα.",
    "Python": "def total(items):\n    return sum(i.price for i in items)\n",
    "JSON": '{"invoice": "A-1042", "due": "2025-01-31", "paid": false}',
}

print(f"{'text':<8} {'characters':>10} {'tokens':>6} {'chars/token':>11}")
for name, text in texts.items():
    n_tokens = len(tokenizer(text)["input_ids"])
    ratio = len(text) / n_tokens
    print(f"{name:<8} {len(text):>10} {n_tokens:>6} {ratio:>11.2f}")
