# Continues the block above (02_embeddings.py).
with torch.no_grad():
    outputs = model(**inputs, output_hidden_states=True)
hidden = outputs.hidden_states

print("hidden states:", len(hidden))
print("shapes:", {tuple(state.shape) for state in hidden})
print("first = embeddings:", torch.equal(hidden[0], embeddings))
