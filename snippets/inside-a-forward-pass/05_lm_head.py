# Continues the block above (04_decoder_layer.py).
head = model.get_output_embeddings()
print("LM head:", tuple(head.weight.shape))
print("same tensor as the table:", head.weight is table)

# The last hidden state has been through the
# final norm already: the head alone gives logits.
with torch.no_grad():
    logits = head(hidden[-1])
print("logits:", tuple(logits.shape))
print("same as the model's:", torch.allclose(logits, outputs.logits))

total = V * h + L * per_layer + h
counted = sum(p.numel() for p in model.parameters())
print(f"parameters from the config: {total:,}")
print(f"parameters in the tensors:  {counted:,}")
