# Continues the block above (01_the_config.py).
import torch

inputs = tokenizer("The capital of France is", return_tensors="pt")
ids = inputs["input_ids"]
table = model.get_input_embeddings().weight
with torch.no_grad():
    embeddings = model.get_input_embeddings()(ids)

print("ids:       ", tuple(ids.shape))
print("table:     ", tuple(table.shape))
print("embeddings:", tuple(embeddings.shape))

# An embedding is the table's row for that id.
second = ids[0, 1]
print("row lookup:", torch.equal(embeddings[0, 1], table[second]))
