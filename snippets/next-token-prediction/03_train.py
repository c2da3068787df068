# Continues the block above (02_one_step.py).
import matplotlib.pyplot as plt

losses = [loss.item()]  # step 1 ran in the block above
for _ in range(14):  # steps 2 to 15
    loss = model(input_ids=ids, labels=ids).loss
    loss.backward()
    optimizer.step()
    optimizer.zero_grad()
    losses.append(loss.item())

steps = list(range(1, len(losses) + 1))
for step, value in zip(steps, losses):
    print(f"step {step:2d}  loss {value:.4f}")

fig, ax = plt.subplots(figsize=(6, 3))
ax.plot(steps, losses, marker="o")
ax.set_title("Training loss on the Tarn text")
ax.set_xlabel("step")
ax.set_ylabel("loss")
ax.grid(alpha=0.3)
fig.savefig("loss.png", dpi=150, bbox_inches="tight")
