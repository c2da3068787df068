# Continues the block above (03_top_p.py).
from transformers import set_seed

sampling = dict(do_sample=True, temperature=1.0, top_p=0.9)
samples = []
for seed in [0, 1, 0]:
    set_seed(seed)  # seeds Python, NumPy and torch
    samples.append(reply(**sampling))
    print(f"seed {seed}: {samples[-1]!r}")
print("Seed 0 twice, same reply:", samples[0] == samples[2])
