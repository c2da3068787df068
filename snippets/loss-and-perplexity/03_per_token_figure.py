# Continues the block above (02_loss_by_hand.py).
import matplotlib.pyplot as plt

values = per_token.tolist()
print("Highest:", repr(pieces[values.index(max(values))]))
print("Lowest: ", repr(pieces[values.index(min(values))]))

fig, ax = plt.subplots(figsize=(6, 3))
ax.bar(range(len(values)), values)
ax.set_xticks(range(len(values)), pieces)
ax.set_title("Loss of each token of the sentence")
ax.set_xlabel("token to predict")
ax.set_ylabel("loss (-log p)")
fig.savefig("per_token_loss.png", dpi=150, bbox_inches="tight")
