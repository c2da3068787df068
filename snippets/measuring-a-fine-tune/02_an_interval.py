# Continues the block above (01_the_fine_tune.py).
from math import sqrt


def wilson(hits, n, z=1.96):
    """The 95% Wilson interval for hits right out of n."""
    p = hits / n
    centre = (p + z**2 / (2 * n)) / (1 + z**2 / n)
    half = z * sqrt(p * (1 - p) / n + z**2 / (4 * n**2)) / (1 + z**2 / n)
    return max(0.0, centre - half), min(1.0, centre + half)


n = len(held_out)
low, high = wilson(hits, n)
print(f"Exact match {hits}/{n} = {hits / n:.0%}")
print(f"95% interval: {low:.0%} to {high:.0%}")
print(f"The same {hits / n:.0%} on a bigger held-out set:")
for size in [12, 36, 100, 400, 1000]:
    low, high = wilson(hits / n * size, size)
    print(f"  {size:4d} examples: {low:.0%} to {high:.0%}")
