# Continues the block above (03_learning_rate.py).
for r, alpha in ((16, 4), (16, 32)):
    name = f"r={r}, alpha={alpha}"
    runs[name] = fine_tune(r=r, alpha=alpha)
    report(name, runs[name])
