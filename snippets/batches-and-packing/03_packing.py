# Continues the block above (02_truncation.py).
packed = prepare(max_length=256, packing=True)
for i, row in enumerate(packed.train_dataset, 1):
    sizes = row["seq_lengths"]
    print(f"row {i}: {len(sizes)} examples, {sum(sizes)} tokens")

padded_total = sum(real) + sum(padding)
packed_total = sum(len(row["input_ids"]) for row in packed.train_dataset)
print(f"Positions per pass: padded {padded_total}, packed {packed_total}")

# The collator's batch for the first row: one sequence, no padding.
batch = packed.data_collator([packed.train_dataset[0]])
print("Batch keys:", ", ".join(batch))
print("Tokens in it:", batch["input_ids"].shape[1])
positions = batch["position_ids"][0].tolist()
print("Positions restart at:", [i for i, p in enumerate(positions) if p == 0])
