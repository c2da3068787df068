# Continues the block above (04_rank_and_alpha.py).
import matplotlib.pyplot as plt

print(f"{'run':<16}{'loss':>5} held-out")
for name, run in runs.items():
    score = f"{run['score']}/{len(held_out)}"
    print(f"{name:<16}{run['losses'][-1]:>5.2f} {score:>5}")

fig, (top, bottom) = plt.subplots(2, 1, figsize=(6, 6))
for name, run in runs.items():
    steps = range(1, len(run["losses"]) + 1)
    top.plot(steps, run["losses"], marker="o", label=name)
top.set_title("Training loss, 5 steps per run")
top.set_xlabel("step")
top.set_ylabel("loss")
top.legend(fontsize=8)
top.grid(alpha=0.3)

names = list(runs)
colors = [line.get_color() for line in top.get_lines()]
bars = bottom.barh(names, [runs[n]["score"] for n in names], color=colors)
bottom.bar_label(bars, padding=3)
bottom.invert_yaxis()  # the first run on top, as in the legend
bottom.set_xlim(0, len(held_out) + 1)
bottom.set_title("Held-out exact matches")
bottom.set_xlabel(f"right out of {len(held_out)}")
bottom.grid(axis="x", alpha=0.3)
fig.tight_layout()
fig.savefig("sweep.png", dpi=100)
