# Continues the block above (04_bfloat16.py).
from safetensors.torch import load_file, save_file
from transformers import AutoConfig

# Each weight matrix as 8-bit integers, with one float32 scale per row.
packed = {}
for name, weight in shipped.named_parameters():
    if weight.dim() == 2:
        scale = weight.abs().amax(dim=1, keepdim=True) / 127
        packed[name] = torch.round(weight / scale).to(torch.int8)
        packed[name + ".scale"] = scale
    else:  # the norms' small vectors stay as they are
        packed[name] = weight.detach()
save_file(packed, "sentiment-int8.safetensors")
del packed  # saved: free the copy
print("int8 file:", size("sentiment-int8.safetensors"))

# Loading it: a model built from config.json, each weight filled in
# with its integers times their row's scale, back in float32.
stored = load_file("sentiment-int8.safetensors")
small = AutoModelForCausalLM.from_config(AutoConfig.from_pretrained(model_id))
with torch.no_grad():
    for name, weight in small.named_parameters():  # lm_head: tied
        value = stored[name]
        if value.dtype == torch.int8:
            value = value * stored[name + ".scale"]
        weight.copy_(value)
del stored  # copied into the model
small.eval()

small_replies = classify(small, held_out)
report(small_replies)
