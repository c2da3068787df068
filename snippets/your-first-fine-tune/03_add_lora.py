# Continues the block above (02_training_data.py).
import torch
from peft import LoraConfig, get_peft_model

# The model's logits for one prompt, before LoRA is added.
probe = tokenizer.apply_chat_template(
    chat(held_out[0][0]),
    add_generation_prompt=True,
    return_dict=True,
    return_tensors="pt",
)
with torch.no_grad():
    logits_before = model(**probe).logits

torch.manual_seed(0)  # LoRA's A matrices start random: fix them.
config = LoraConfig(
    r=2,
    lora_alpha=4,
    lora_dropout=0.0,
    target_modules="all-linear",
    task_type="CAUSAL_LM",
)
model = get_peft_model(model, config)

adapted = sorted(
    {
        name.split(".")[-1]
        for name, module in model.named_modules()
        if hasattr(module, "lora_A")
    }
)
trainable = sum(p.numel() for p in model.parameters() if p.requires_grad)
total = sum(p.numel() for p in model.parameters())
print("LoRA on:", ", ".join(adapted))
print(f"Trainable parameters: {trainable:,}")
print(f"All parameters: {total:,}")
print(f"Trainable share: {trainable / total:.2%}")

b_zero = all(
    (p == 0).all() for n, p in model.named_parameters() if "lora_B" in n
)
with torch.no_grad():
    logits_after = model(**probe).logits
print("Every B is zero:", b_zero)
print("Same logits as before:", torch.equal(logits_before, logits_after))

# Memory to train, before activations: every weight (4 bytes) plus a
# gradient and Adam's two averages (12 bytes) for each trained one.
lora_bytes = 4 * total + 12 * trainable
full_bytes = 16 * (total - trainable)  # every weight of the model trains
print("Weights, gradients, Adam's state:")
print(
    f"  LoRA {lora_bytes / 2**30:.2f} GiB, full {full_bytes / 2**30:.2f} GiB"
)
