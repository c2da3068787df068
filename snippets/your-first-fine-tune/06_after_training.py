# Continues the block above (05_train.py).
model.eval()
after_replies = classify(model, held_out)
for reply in after_replies:
    print(repr(reply))
after = exact_matches(after_replies, held_out)
print(f"Exact matches: {after}/{len(held_out)}")
print(f"Before training: {before}/{len(held_out)}")
