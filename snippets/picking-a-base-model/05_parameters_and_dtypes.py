import torch
from transformers import AutoModelForCausalLM

model = AutoModelForCausalLM.from_pretrained(
    "HuggingFaceTB/SmolLM2-135M-Instruct"
)
parameters = sum(p.numel() for p in model.parameters())
print(f"Parameters: {parameters:,}")

# The weights alone: parameter count times the bytes of one value.
for dtype in (torch.float32, torch.bfloat16, torch.int8):
    size = torch.empty(0, dtype=dtype).element_size()
    mib = parameters * size / 2**20
    name = str(dtype).removeprefix("torch.")
    print(f"  {name:<9} {size} bytes/value  {mib:4.0f} MiB")
