# Continues the block above (01_task_and_pairs.py).
import math

import torch


def mean_logp(model, prompt, reply):
    # The reply's log-probability per token, averaged, as ORPO uses it.
    start = tokenizer.apply_chat_template(
        prompt, add_generation_prompt=True, return_dict=True
    )["input_ids"]
    ids = tokenizer.apply_chat_template(
        prompt + reply, return_dict=True, return_tensors="pt"
    )["input_ids"]
    with torch.no_grad():
        logps = torch.log_softmax(model(ids).logits[0, :-1], dim=-1)
    n = len(start) - 1  # logits at position i predict token i + 1
    picked = logps[n:].gather(1, ids[0, n + 1 :, None])
    return picked.mean().item()


def odds(logp):
    p = math.exp(logp)  # the average probability of a reply token
    return p / (1 - p)


first = dataset[0]
chosen = mean_logp(model, first["prompt"], first["chosen"])
rejected = mean_logp(model, first["prompt"], first["rejected"])
log_odds_ratio = math.log(odds(chosen) / odds(rejected))
beta = 0.1
term = -beta * math.log(1 / (1 + math.exp(-log_odds_ratio)))
print(f"chosen:   mean log-prob {chosen:.3f}, odds {odds(chosen):.3f}")
print(f"rejected: mean log-prob {rejected:.3f}, odds {odds(rejected):.3f}")
print(f"log odds ratio: {log_odds_ratio:.3f}")
print(f"ORPO's preference term: {term:.4f}")
