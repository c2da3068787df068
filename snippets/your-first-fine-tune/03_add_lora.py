# Continues the block above (02_training_data.py).
import torch
from peft import LoraConfig, get_peft_model

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
