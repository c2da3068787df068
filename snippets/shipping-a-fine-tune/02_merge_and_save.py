# Continues the block above (01_the_fine_tune.py).
import os
from importlib.metadata import version


def size(path):
    mib = os.path.getsize(path) / 2**20
    return f"{mib:,.1f} MiB" if mib >= 1 else f"{mib * 1024:,.1f} KiB"


merged = model.merge_and_unload()  # LoRA folded into the weights
merged.save_pretrained("sentiment-model")
tokenizer.save_pretrained("sentiment-model")

for name in sorted(os.listdir("sentiment-model")):
    print(f"{name}: {size(os.path.join('sentiment-model', name))}")
print("Weights stored as", merged.dtype)
print("Saved with:")
for library in ("torch", "transformers", "peft", "safetensors", "gguf"):
    print(f"  {library} {version(library)}")
