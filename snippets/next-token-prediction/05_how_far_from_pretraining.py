# Continues the block above (04_after_training.py).
total = sum(p.numel() for p in model.parameters())
trained = sum(p.numel() for p in trainable)
context = model.config.max_position_embeddings
seen = len(steps) * ids.shape[1]

print(f"Parameters:         {total:,}")
print(f"Trained here:       {trained:,} ({trained / total:.1%})")
print(f"Context length:     {context:,} tokens")
print(f"Training text:      {ids.shape[1]} tokens")
print(f"Optimizer steps:    {len(steps)}")
print(f"Tokens trained on:  {seen:,}")
