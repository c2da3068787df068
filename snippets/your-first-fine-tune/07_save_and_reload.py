# Continues the block above (06_after_training.py).
import os

from peft import PeftModel

model.save_pretrained("sentiment-lora")  # the adapter only
for name in sorted(os.listdir("sentiment-lora")):
    size = os.path.getsize(os.path.join("sentiment-lora", name))
    print(f"{name}: {size / 1024:,.1f} KiB")

# Later, or on another machine: the base model plus the adapter.
base = AutoModelForCausalLM.from_pretrained(model_id)
reloaded = PeftModel.from_pretrained(base, "sentiment-lora")
model_bytes = sum(
    p.numel() * p.element_size()
    for n, p in reloaded.named_parameters()
    if "lora_" not in n
)
print(f"The model's own weights: {model_bytes / 2**20:,.1f} MiB")
reloaded_replies = classify(reloaded, held_out)
print("Same replies as the trained model:", reloaded_replies == after_replies)
