# Continues the block above (03_per_token_figure.py).
prompt = tokenizer("The capital of France is")["input_ids"]
labels = ids.clone()
labels[0, : len(prompt)] = -100  # -100: leave these out of the loss

masked = model(input_ids=ids, labels=labels).loss
# By hand: the same per-token losses, averaged over the kept ones.
kept = labels[0, 1:] != -100
print(f"Tokens in the loss: {kept.sum().item()} of {len(targets)}")
print(f"By hand:       {per_token[kept].mean().item():.6f}")
print(f"Model's loss:  {masked.item():.6f}")
