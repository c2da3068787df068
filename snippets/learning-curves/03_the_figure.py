# Continues the block above (02_train_and_evaluate.py).
import matplotlib.pyplot as plt

best = steps[held_loss.index(min(held_loss))]
print(f"Lowest held-out loss: step {best}")
print(f"Training stopped at step {trainer.state.global_step}")
print("Checkpoint loaded:", trainer.state.best_model_checkpoint)

fig, ax = plt.subplots(figsize=(6, 3.2))
ax.plot(steps, train_loss, marker="o", label="training loss")
ax.plot(steps, held_loss, marker="s", label="held-out loss")
ax.annotate(
    f"lowest held-out loss, step {best}",
    xy=(best, min(held_loss)),
    xytext=(best - 1, 0.3),
    ha="right",
    arrowprops={"arrowstyle": "->"},
)
ax.set_yscale("log")  # the losses span three powers of ten
ax.set_title("Learning curves")
ax.set_xlabel("step")
ax.set_ylabel("loss (log scale)")
ax.legend(loc="lower left")
ax.grid(alpha=0.3)
fig.savefig("curves.png", dpi=130, bbox_inches="tight")
