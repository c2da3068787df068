# Continues the block above (03_train.py).
after = [continue_text(prompt) for prompt in prompts]
for prompt, old, new in zip(prompts, before, after):
    print(prompt)
    print(f"  was: {old!r}")
    print(f"  now: {new!r}")
