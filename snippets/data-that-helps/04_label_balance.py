# Continues the block above (03_find_the_leak.py).
from collections import Counter

import matplotlib.pyplot as plt

negatives = [item for item in train if item[1] == "negative"]
positives = [item for item in train if item[1] == "positive"]
unbalanced = negatives[:9] + positives[:1]
print("Label counts in training:")
print("  clean:     ", dict(Counter(label for _, label in clean)))
print("  unbalanced:", dict(Counter(label for _, label in unbalanced)))

predicted = {"clean": classify(judge, held_out)}
model = fine_tune(unbalanced)
predicted["unbalanced"] = classify(model, held_out)
del model
truth = Counter(label for _, label in held_out)
print(f"Held-out: {truth['positive']} positive, {truth['negative']} negative")
for name, replies in predicted.items():
    counts = Counter(replies)
    right = sum(r == f"LABEL: {lab}" for r, (_, lab) in zip(replies, held_out))
    print(f"Trained on {name} data: {right}/{len(held_out)} right")
    pos, neg = counts["LABEL: positive"], counts["LABEL: negative"]
    print(f"  replied positive {pos}, negative {neg}")

fig, ax = plt.subplots(figsize=(6, 3))
names = ["held-out truth", *predicted]
pos_counts = [truth["positive"]] + [
    replies.count("LABEL: positive") for replies in predicted.values()
]
neg_counts = [truth["negative"]] + [
    replies.count("LABEL: negative") for replies in predicted.values()
]
x = range(len(names))
ax.bar([i - 0.2 for i in x], pos_counts, width=0.4, label="positive")
ax.bar([i + 0.2 for i in x], neg_counts, width=0.4, label="negative")
ax.set_xticks(list(x), names)
ax.set_title("Labels on the held-out reviews")
ax.set_xlabel("labels from")
ax.set_ylabel("reviews")
ax.legend()
fig.savefig("labels.png", dpi=150, bbox_inches="tight")
