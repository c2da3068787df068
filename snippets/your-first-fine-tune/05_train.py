# Continues the block above (04_the_trainer.py).
import matplotlib.pyplot as plt

trainer.train()

logged = [entry for entry in trainer.state.log_history if "loss" in entry]
steps = [entry["step"] for entry in logged]
losses = [entry["loss"] for entry in logged]
rates = [entry["learning_rate"] for entry in logged]
for step, loss, rate in zip(steps, losses, rates):
    print(f"step {step:2d}  loss {loss:.4f}  lr {rate:.4f}")

fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(steps, losses, marker="o")
ax.set_title("Training loss")
ax.set_xlabel("step")
ax.set_ylabel("loss")
ax.grid(alpha=0.3)
fig.savefig("loss.png", dpi=150, bbox_inches="tight")
