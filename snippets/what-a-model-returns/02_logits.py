# Continues the block above (01_text_to_ids.py).
import torch

with torch.no_grad():
    logits = model(**inputs).logits

print("logits shape:", tuple(logits.shape))

# One row of scores after every input token:
# its highest score is the model's best guess.
for position, token_id in enumerate(ids):
    best = logits[0, position].argmax().item()
    seen = tokenizer.decode(token_id)
    guess = tokenizer.decode(best)
    print(f"after {seen!r:<10} best {guess!r}")

last = logits[0, -1]
print(f"last row: min {last.min():.2f}, max {last.max():.2f}")
