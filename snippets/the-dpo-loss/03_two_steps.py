# Continues the block above (02_the_loss_by_hand.py).
trainer.train()

for entry in trainer.state.log_history:
    if "loss" in entry:
        print(
            f"step {entry['step']}: loss {entry['loss']:.4f},"
            f" margin {entry['rewards/margins']:.4f},"
            f" accuracy {entry['rewards/accuracies']:.1f}"
        )
