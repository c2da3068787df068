# Continues the block above (01_greedy.py).
import matplotlib.pyplot as plt
import torch

# The logits for the reply's first token.
logits = model(**inputs).logits[0, -1]
top = torch.topk(logits, 5).indices
pieces = [tokenizer.decode(t) for t in top]
temperatures = [0.5, 1.0, 1.5]
table = {}
for t in temperatures:
    # Temperature divides the logits before the softmax.
    probs = torch.softmax(logits / t, dim=-1)
    table[t] = [round(probs[i].item(), 3) for i in top]
    print(f"T={t}: " + "  ".join(f"{p:.3f}" for p in table[t]))
print("Tokens:", pieces)

fig, ax = plt.subplots(figsize=(6, 3))
width = 0.25
for k, t in enumerate(temperatures):
    x = [i + (k - 1) * width for i in range(len(top))]
    ax.bar(x, table[t], width, label=f"T={t}")
ax.set_xticks(range(len(top)), pieces)
ax.set_title("Next-token probabilities at three temperatures")
ax.set_xlabel("candidate first token of the reply")
ax.set_ylabel("probability")
ax.legend()
fig.savefig("temperature.png", dpi=150, bbox_inches="tight")
