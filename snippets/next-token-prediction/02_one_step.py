# Continues the block above (01_before_training.py).
import torch

# Nothing below draws random numbers, but real runs shuffle their
# data: seed anyway.
torch.manual_seed(0)
# Train the last 4 decoder layers only; freeze every other weight.
for parameter in model.parameters():
    parameter.requires_grad = False
for layer in model.model.layers[-4:]:
    for parameter in layer.parameters():
        parameter.requires_grad = True
trainable = [p for p in model.parameters() if p.requires_grad]
optimizer = torch.optim.AdamW(trainable, lr=3e-4)

# labels=ids: at every position, the target is the next token.
loss = model(input_ids=ids, labels=ids).loss
loss.backward()  # one gradient per trainable weight
weight = model.model.layers[-1].mlp.down_proj.weight
gradient = weight.grad
print(f"Loss: {loss.item():.4f}")
print(f"Weight:   {tuple(weight.shape)}")
print(f"Gradient: {tuple(gradient.shape)}")

old = weight.detach().clone()
optimizer.step()  # move every trainable weight a little
optimizer.zero_grad()
change = (weight.detach() - old).abs().max().item()
print(f"Largest change in that weight: {change:.6f}")
with torch.no_grad():
    after = model(input_ids=ids, labels=ids).loss
print(f"Loss after one step: {after.item():.4f}")
