# Continues the block above (03_the_figure.py).
model.eval()
# Each checkpoint folder holds the adapter as it was at that step.
for step in (2, 6, 10):
    name = f"step-{step}"
    model.load_adapter(f"curve-run/checkpoint-{step}", adapter_name=name)
    model.set_adapter(name)
    score = exact_matches(classify(model, held_out), held_out)
    print(f"step {step:2d}: {score}/{len(held_out)} exact")
