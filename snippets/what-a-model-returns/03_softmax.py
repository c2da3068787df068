# Continues the block above (02_logits.py).
probs = torch.softmax(last, dim=-1)

# Softmax by hand: exponentiate, then divide by the sum.
by_hand = last.exp() / last.exp().sum()
same = torch.allclose(probs, by_hand, rtol=1e-4)
print("same as by hand:", same)
print(f"sum of probabilities: {probs.sum():.4f}")
print(f"all positive: {bool((probs > 0).all())}")

print("token        logit   probability")
for token_id in torch.topk(last, 5).indices:
    token = repr(tokenizer.decode(token_id))
    print(f"{token:<10} {last[token_id]:7.2f}  {probs[token_id]:.4f}")
