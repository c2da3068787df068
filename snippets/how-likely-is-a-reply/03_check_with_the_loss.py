# Continues the block above (02_chosen_vs_rejected.py).
# The same sum, from the loss the model computes itself: label -100
# masks the prompt, and the loss is the mean over the other tokens.
labels = ids.clone()
labels[0, :start] = -100
with torch.no_grad():
    loss = model(ids, labels=labels).loss
n = len(reply_ids)
print(f"Loss: {loss:.4f}, over {n} reply tokens")
print(f"-loss x {n}: {-loss * n:.4f}")
print(f"Sum by hand: {total:.4f}")
