import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained(
    "HuggingFaceTB/SmolLM2-135M-Instruct"
)
parameters = sum(p.numel() for p in model.parameters())

# Inference needs the weights: one bfloat16 value per parameter.
inference = torch.empty(0, dtype=torch.bfloat16).element_size()
# Full fine-tuning with Adam in float32 keeps four float32 values per
# parameter: the weight, its gradient and Adam's two running averages.
fine_tune = 4 * torch.empty(0, dtype=torch.float32).element_size()
rows = [
    ("inference, bfloat16", inference),
    ("full fine-tune, Adam", fine_tune),
]

print(f"Parameters: {parameters:,}")
for label, per_parameter in rows:
    gib = parameters * per_parameter / 2**30
    print(f"{label}:")
    print(f"  {per_parameter} bytes/parameter, {gib:.2f} GiB")

# The same arithmetic backwards, for a 16 GiB laptop (before activations).
budget = 16 * 2**30
print("Most parameters 16 GiB holds:")
for label, per_parameter in rows:
    print(f"  {label}: {budget / per_parameter / 1e9:.1f} billion")
