# Continues the block above (02_one_run.py).
for lr in (1e-4, 1e-2):
    name = f"lr {lr:.0e}"
    runs[name] = fine_tune(lr=lr)
    report(name, runs[name])
