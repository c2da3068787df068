# Continues the block above (03_packing.py).
import torch

model.eval()
first, second = packed.train_dataset[0]["seq_lengths"][:2]
ids = batch["input_ids"]
alone_ids = ids[:, first : first + second]  # the second example
with torch.no_grad():
    alone = model(input_ids=alone_ids).logits[0]
    # As the trainer calls the model: the positions, no KV cache.
    in_pack = model(
        input_ids=ids, position_ids=batch["position_ids"], use_cache=False
    ).logits[0, first : first + second]
    # The same call with the KV cache on, as generate() runs it.
    with_cache = model(
        input_ids=ids, position_ids=batch["position_ids"], use_cache=True
    ).logits[0, first : first + second]

print("Attention:", model.config._attn_implementation)
print("Largest logit difference, second example:")
print(f"  as the trainer runs it: {(in_pack - alone).abs().max():.3f}")
print(f"  with the KV cache on: {(with_cache - alone).abs().max():.0f}")
for name, logits in (("trainer", in_pack), ("KV cache", with_cache)):
    same = (logits.argmax(-1) == alone.argmax(-1)).float().mean()
    print(f"Same top token as alone ({name}): {same:.0%}")
