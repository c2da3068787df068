# Continues the block above (07_save_and_reload.py).
merged = reloaded.merge_and_unload()  # adds B·A into each weight
merged_replies = classify(merged, held_out)

lora_left = [name for name, _ in merged.named_parameters() if "lora" in name]
print(type(merged).__name__)
print(f"LoRA parameters left: {len(lora_left)}")
print(f"Parameters: {sum(p.numel() for p in merged.parameters()):,}")
print("Same replies as the trained model:", merged_replies == after_replies)
