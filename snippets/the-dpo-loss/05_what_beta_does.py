import math

import matplotlib.pyplot as plt


def dpo_loss(beta, margin):
    """DPO's loss for one pair, -log sigmoid(beta * margin), where margin
    is how much more the chosen reply moved away from the reference (in
    log-probability) than the rejected one."""
    return math.log1p(math.exp(-beta * margin))


betas = [0.05, 0.1, 0.5]
margins = list(range(-10, 61))
fig, ax = plt.subplots(figsize=(6, 3.2))
for beta in betas:
    losses = [dpo_loss(beta, m) for m in margins]
    ax.plot(margins, losses, label=f"beta = {beta}")
ax.scatter([0], [math.log(2)], color="black", zorder=3)
ax.annotate(
    "ln 2", (0, math.log(2)), xytext=(6, 6), textcoords="offset points"
)
ax.set_ylim(0, 2)
ax.set_title("DPO loss for one pair")
ax.set_xlabel("log-ratio margin (chosen minus rejected)")
ax.set_ylabel("loss")
ax.legend()
ax.grid(alpha=0.3)
fig.savefig("beta.png", dpi=110, bbox_inches="tight")

shown = [-10, 0, 20, 40, 60]
print("margin     " + " ".join(f"{m:5d}" for m in shown))
for beta in betas:
    row = " ".join(f"{dpo_loss(beta, m):5.2f}" for m in shown)
    print(f"beta {beta:<5} {row}")
for beta in betas:
    # The margin where the loss has fallen to 0.1: little push is left.
    done = -math.log(math.expm1(0.1)) / beta
    print(f"beta {beta}: loss 0.1 at margin {done:.1f}")
