# Continues the block above (03_two_steps.py).
# The same batch, two steps later: policy and reference now differ.
loss, margins = dpo_loss(policy, batch, args.beta)
with torch.no_grad():
    trainer_loss = trainer.compute_loss(policy, batch)
print("Reward margins:", [round(m, 4) for m in margins.tolist()])
print(f"Loss by hand:  {loss:.7f}")
print(f"Trainer's:     {trainer_loss:.7f}")
print(f"Difference:    {abs(loss - trainer_loss):.1e}")
