# Continues the block above (04_bar_chart.py).
# Pick the most likely token, append it, run again.
sequence = inputs["input_ids"]
for step in range(6):
    with torch.no_grad():
        last = model(sequence).logits[0, -1]
    probs = torch.softmax(last, dim=-1)
    best = probs.argmax()
    token = repr(tokenizer.decode(best))
    print(f"step {step + 1}: {token:<10} {probs[best]:.4f}")
    sequence = torch.cat([sequence, best.view(1, 1)], dim=1)

print(repr(tokenizer.decode(sequence[0])))

generated = model.generate(**inputs, max_new_tokens=6, do_sample=False)
print("generate agrees:", torch.equal(generated, sequence))
