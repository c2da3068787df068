# Continues the block above (03_reload.py).
def report(replies):
    # Each reply that differs from the float32 model's, then the score.
    changed = [
        (before, after)
        for before, after in zip(shipped_replies, replies)
        if before != after
    ]
    print("Replies that changed:", len(changed))
    for before, after in changed:
        print(f"  {before!r} -> {after!r}")
    print(f"Exact matches: {exact_matches(replies, held_out)}/{len(held_out)}")


half = AutoModelForCausalLM.from_pretrained(model_id, dtype=torch.bfloat16)
half.save_pretrained("sentiment-bf16")
print("model.safetensors:", size("sentiment-bf16/model.safetensors"))

half_replies = classify(half, held_out)
report(half_replies)
del half  # free its memory for the next block
