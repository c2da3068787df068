# Continues the block above (02_temperature.py).
probs = torch.softmax(logits, dim=-1)
sorted_probs = torch.sort(probs, descending=True).values
cumulative = torch.cumsum(sorted_probs, dim=0)
for p in [0.5, 0.9, 0.99]:
    # Top-p keeps the fewest tokens whose probabilities reach p.
    kept = int((cumulative < p).sum().item()) + 1
    print(f"top_p={p}: {kept} tokens of {len(probs):,}")
