# Continues the block above (04_train.py).
model = trainer.model
model.eval()
after_replies = ask(model, held_out)
for reply in after_replies:
    print(repr(reply))
after_format = sum(in_format(r) for r in after_replies)
right = [
    in_format(r) and mentions(r, a)
    for r, (_, a) in zip(after_replies, held_out)
]
print(f"In the format: {after_format}/{len(held_out)}")
print(f"Right: {sum(right)}/{len(held_out)}")
