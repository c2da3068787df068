# Continues the block above (05_synthetic_data.py).
import textwrap


def well_formed(text, finished):
    # One finished line, review-sized, that is a review and not a reply
    # about one ("A one-sentence review of a hotel could be: ...").
    words = text.split()
    return (
        finished
        and "\n" not in text
        and 4 <= len(words) <= 30
        and "review" not in text.lower()
    )


kept = [(t, label) for t, label, done in synthetic if well_formed(t, done)]
print(f"Generated: {len(synthetic)}")
print(f"  well formed:      {len(kept)}")

# The clean fine-tune from above labels each one; keep it if it agrees.
verdicts = classify(judge, kept)
kept = [
    (t, label)
    for (t, label), v in zip(kept, verdicts)
    if v == f"LABEL: {label}"
]
print(f"  label agrees:     {len(kept)}")

kept = [
    (t, label)
    for i, (t, label) in enumerate(kept)
    if not any(jaccard(t, other) >= 0.6 for other, _ in train + kept[:i])
]
print(f"  not a duplicate:  {len(kept)}")

kept = [
    (t, label)
    for t, label in kept
    if not any(jaccard(t, h) >= 0.6 for h, _ in held_out)
]
print(f"  not in held-out:  {len(kept)}")
for text, label in kept:
    print(f"[{label}]")
    print(textwrap.indent(textwrap.fill(text, 56), "  "))
