# Continues the block above (03_check_with_the_loss.py).
from peft import LoraConfig, get_peft_model

torch.manual_seed(0)
config = LoraConfig(
    r=2, lora_alpha=4, lora_dropout=0.0, target_modules="all-linear"
)
tuned = get_peft_model(model, config)
optimizer = torch.optim.AdamW(
    [p for p in tuned.parameters() if p.requires_grad], lr=1e-3
)
# Three steps of supervised fine-tuning on the chosen reply.
for _ in range(3):
    tuned(ids, labels=labels).loss.backward()
    optimizer.step()
    optimizer.zero_grad()

for name in ["chosen", "rejected"]:
    _, now = reply_log_probs(tuned, prompt, replies[name])
    # With the adapter switched off, the model is the reference.
    with tuned.disable_adapter():
        _, ref = reply_log_probs(tuned, prompt, replies[name])
    print(f"{name}: {replies[name]!r}")
    print(f"  tuned {now.sum():7.3f}  reference {ref.sum():7.3f}")
    print(f"  tuned - reference: {now.sum() - ref.sum():+.3f}")
