# Continues the block above (01_padding_waste.py).
def replies(trainer):
    """What the loss sees in each example the trainer kept."""
    return [
        tokenizer.decode(
            [
                t
                for t, label in zip(row["input_ids"], row["labels"])
                if label != -100
            ]
        )
        for row in trainer.train_dataset
    ]


def report(max_length):
    seen = replies(prepare(max_length=max_length))
    whole = [r for r in seen if r.endswith("<|im_end|>\n")]
    print(f"max_length={max_length}: kept {len(seen)} of {len(dataset)}")
    print(f"  whole replies: {len(whole)}")
    for cut in sorted(set(seen) - set(whole)):
        print(f"  cut: {cut!r} x{seen.count(cut)}")


report(52)

# Prevention: measure the longest example first.
longest = max(len(row["input_ids"]) for row in prepare().train_dataset)
print(f"Longest example: {longest} tokens")
report(longest)
