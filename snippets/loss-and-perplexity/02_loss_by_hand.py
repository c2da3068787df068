# Continues the block above (01_the_model_s_loss.py).
import torch

# Shift: the logits at position i predict the token at i + 1.
logits = output.logits[0, :-1]  # no target after the last token
targets = ids[0, 1:]  # the first token is nobody's target
log_probs = torch.log_softmax(logits, dim=-1)
# Cross-entropy: minus the log-probability of each true next token.
per_token = -log_probs[torch.arange(len(targets)), targets]
by_hand = per_token.mean()

pieces = [tokenizer.decode(t) for t in targets]
for piece, loss in zip(pieces, per_token):
    print(f"{piece!r:>10}  {loss.item():.3f}")
print(f"By hand:       {by_hand.item():.6f}")
print(f"Model's loss:  {output.loss.item():.6f}")
print(f"Difference:    {abs(by_hand - output.loss).item():.1e}")
