# Continues the block above (03_softmax.py).
import matplotlib.pyplot as plt

top = torch.topk(probs, 10)
labels = [repr(tokenizer.decode(i)) for i in top.indices]
values = top.values.tolist()
for label, value in zip(labels, values):
    print(f"{label:<10} {value:.4f}")
print(f"{'the rest':<10} {1 - sum(values):.4f}")

fig, ax = plt.subplots(figsize=(6, 3))
ax.bar(range(10), values)
ax.set_xticks(range(10), labels, rotation=45, ha="right")
ax.set_title(f"Next token after {text!r}")
ax.set_xlabel("candidate next token")
ax.set_ylabel("probability")
fig.savefig("next_token.png", dpi=120, bbox_inches="tight")
