# Continues the block above (05_lm_head.py).
# Read earlier hidden states through the final
# norm and the LM head, as if the model ended there.
paris = tokenizer.encode(" Paris")[0]
for layer in [0, 10, 20, 27, 28, 29, 30]:
    vector = hidden[layer][0, -1]
    if layer < L:
        vector = model.model.norm(vector)
    with torch.no_grad():
        probs = torch.softmax(head(vector), dim=-1)
    best = repr(tokenizer.decode(probs.argmax()))
    print(f"layer {layer:>2}: {best:<10} Paris {probs[paris]:.4f}")
