# Continues the block above (03_more_held_out.py).
import matplotlib.pyplot as plt

# Few-shot: two training examples, one of each label, as earlier
# turns of the chat.
shots = []
for review, label in train[:2]:
    shots += [
        {"role": "user", "content": review},
        {"role": "assistant", "content": f"LABEL: {label}"},
    ]


def few_shot(review):
    system, user = chat(review)
    return [system, *shots, user]


with model.disable_adapter():  # the instruct model, no training
    zero = generate([chat(review) for review, _ in test])
    few = generate([few_shot(review) for review, _ in test])

scores = {
    "zero-shot": exact_match(zero, test),
    "few-shot": exact_match(few, test),
    "fine-tuned": exact_match(tuned, test),
}
intervals = {name: wilson(s, len(test)) for name, s in scores.items()}
for name, score in scores.items():
    low, high = intervals[name]
    print(f"{name:<11}{score:3d}/{len(test)}  {low:.0%} to {high:.0%}")
formats = ["LABEL: positive", "LABEL: negative"]
print(f"Few-shot replies in the format: {sum(r in formats for r in few)}")
print(f"  of them positive: {few.count(formats[0])}")
always = sum(label == "positive" for _, label in test)
print(f"Always positive would score {always}/{len(test)}")

xs = range(len(scores))
shares = [scores[name] / len(test) for name in scores]
fig, ax = plt.subplots(figsize=(6, 3))
ax.vlines(xs, *zip(*intervals.values()), linewidth=2)  # the intervals
ax.plot(xs, shares, "o", markersize=8)  # the scores
ax.set_xticks(xs, list(scores))
ax.set_xlim(-0.5, len(scores) - 0.5)
ax.set_ylim(0, 1)
ax.set_title(f"Exact match on {len(test)} held-out reviews, 95% intervals")
ax.set_xlabel("model")
ax.set_ylabel("exact match")
ax.grid(alpha=0.3)
fig.savefig("scores.png", dpi=150, bbox_inches="tight")
