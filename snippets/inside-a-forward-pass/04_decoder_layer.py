# Continues the block above (03_hidden_states.py).
layer = model.model.layers[0]
for name, param in layer.named_parameters():
    name = name.removesuffix(".weight")
    print(f"{name:<24} {tuple(param.shape)}")

kv = kv_heads * (h // heads)
attention = h * h + 2 * h * kv + h * h
mlp = 3 * h * m
norms = 2 * h
per_layer = attention + mlp + norms
in_tensors = sum(p.numel() for p in layer.parameters())
print(f"from the config: {per_layer:,}")
print(f"in the tensors:  {in_tensors:,}")
