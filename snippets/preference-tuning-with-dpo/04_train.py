# Continues the block above (03_the_trainer.py).
import matplotlib.pyplot as plt

trainer.train()

logged = [e for e in trainer.state.log_history if "loss" in e]
steps = [e["step"] for e in logged]
losses = [e["loss"] for e in logged]
margins = [e["rewards/margins"] for e in logged]
print("step  loss    margin")
for step, loss, margin in zip(steps, losses, margins):
    print(f"{step:4d}  {loss:.4f}  {margin:.4f}")

fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(steps, margins, marker="o")
ax.set_title("Reward margin, chosen minus rejected")
ax.set_xlabel("step")
ax.set_ylabel("reward margin")
ax.grid(alpha=0.3)
fig.savefig("margins.png", dpi=150, bbox_inches="tight")
