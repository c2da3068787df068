# Continues the block above (01_the_trainer.py).
import math

import torch
import torch.nn.functional as F

policy = trainer.model  # the model with its LoRA adapter
batch = next(iter(trainer.get_train_dataloader()))
# Chosen rows first, then the rejected rows of the same pairs.
print("Batch:", tuple(batch["input_ids"].shape))


def sequence_log_probs(model, batch):
    """Each row's sum of log-probabilities over its reply tokens."""
    ids = batch["input_ids"]
    logits = model(ids, attention_mask=batch["attention_mask"]).logits
    log_probs = torch.log_softmax(logits[:, :-1], dim=-1)
    per_token = log_probs.gather(-1, ids[:, 1:, None])[..., 0]
    return (per_token * batch["completion_mask"][:, 1:]).sum(dim=1)


def dpo_loss(policy, batch, beta):
    with torch.no_grad():
        logps = sequence_log_probs(policy, batch)
        with policy.disable_adapter():  # the reference model
            ref_logps = sequence_log_probs(policy, batch)
    chosen, rejected = logps.chunk(2)
    ref_chosen, ref_rejected = ref_logps.chunk(2)
    # Implicit rewards: beta times how far each reply moved.
    chosen_rewards = beta * (chosen - ref_chosen)
    rejected_rewards = beta * (rejected - ref_rejected)
    margins = chosen_rewards - rejected_rewards
    loss = -F.logsigmoid(margins).mean()
    return loss, margins


loss, margins = dpo_loss(policy, batch, args.beta)
with torch.no_grad():
    trainer_loss = trainer.compute_loss(policy, batch)
print("Reward margins:", [round(m, 4) for m in margins.tolist()])
print(f"Loss by hand:  {loss:.7f}")
print(f"Trainer's:     {trainer_loss:.7f}")
print(f"ln 2:          {math.log(2):.7f}")
