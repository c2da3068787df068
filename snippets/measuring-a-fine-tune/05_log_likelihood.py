# Continues the block above (04_the_baselines.py).
import torch

labels = [" positive", " negative"]
ids = tokenizer.convert_tokens_to_ids(["Ġpositive", "Ġnegative"])


def label_log_likelihoods(reviews):
    """Each review's log-likelihood of each label after 'LABEL:'."""
    # The reply so far is "LABEL:"; the model's next token is the label.
    batch = tokenizer.apply_chat_template(
        [
            chat(r) + [{"role": "assistant", "content": "LABEL:"}]
            for r, _ in reviews
        ],
        continue_final_message=True,
        padding=True,
        return_dict=True,
        return_tensors="pt",
    )
    # Left padding: count positions from each prompt's first real token.
    positions = (batch["attention_mask"].cumsum(-1) - 1).clamp(min=0)
    with torch.no_grad():
        logits = model(
            **batch, position_ids=positions, logits_to_keep=1
        ).logits
    return logits[:, -1].log_softmax(-1)[:, ids]


def right(scored, reviews):
    """True where the likelier label is the right one."""
    chosen = [labels[i].strip() for i in scored.argmax(-1).tolist()]
    return [c == label for c, (_, label) in zip(chosen, reviews)]


with model.disable_adapter():
    zero_ll = label_log_likelihoods(test)
tuned_ll = label_log_likelihoods(test)

agree = {}
for name, replies, scored in [
    ("zero-shot", zero, zero_ll),
    ("fine-tuned", tuned, tuned_ll),
]:
    by_ll = right(scored, test)
    by_text = [r == f"LABEL: {label}" for r, (_, label) in zip(replies, test)]
    agree[name] = [a == b for a, b in zip(by_ll, by_text)]
    low, high = wilson(sum(by_ll), len(test))
    print(f"{name}:")
    print(
        f"  log-likelihood {sum(by_ll)}/{len(test)}, {low:.0%} to {high:.0%}"
    )
    print(f"  generation {sum(by_text)}/{len(test)}")
    print(f"  they disagree on {agree[name].count(False)}")
    picks = (scored.argmax(-1) == 0).sum().item()
    print(f"  log-likelihood picks positive {picks}")

i = agree["zero-shot"].index(False)  # the first review they disagree on
print("Zero-shot, on", repr(test[i][0]))
print(f"  reply: {zero[i]!r}")
for label, value in zip(labels, zero_ll[i].tolist()):
    print(f"  log p({label.strip()}) = {value:.2f}")
