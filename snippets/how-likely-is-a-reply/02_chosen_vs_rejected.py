# Continues the block above (01_log_probs_of_a_reply.py).
import matplotlib.pyplot as plt


def reply_log_probs(model, prompt, text):
    """The reply's token ids, and the log-probability of each."""
    start = len(
        tokenizer.apply_chat_template(
            prompt, add_generation_prompt=True, return_dict=True
        )["input_ids"]
    )
    reply = [{"role": "assistant", "content": text}]
    ids = tokenizer.apply_chat_template(
        prompt + reply, return_dict=True, return_tensors="pt"
    )["input_ids"]
    with torch.no_grad():
        logits = model(ids).logits
    log_probs = torch.log_softmax(logits[0, :-1], dim=-1)
    per_token = log_probs.gather(-1, ids[0, 1:, None])[:, 0]
    return ids[0, start:], per_token[start - 1 :]


replies = {
    "chosen": "The answer is 8.",
    "rejected": "3 + 5 = 8",
    "longer": "The sum of 3 and 5 is 8.",
}
plotted = ["chosen", "rejected"]  # the two replies of the figure
scores = {}
for name, text in replies.items():
    token_ids, per_token = reply_log_probs(model, prompt, text)
    scores[name] = (token_ids, per_token)
    print(f"{name}: {text!r}")
    print(
        f"  {len(token_ids)} tokens, sum {per_token.sum():.3f},"
        f" mean {per_token.mean():.3f}"
    )
    if name in plotted:
        print("  " + " ".join(f"{v:.1f}" for v in per_token))

fig, ax = plt.subplots(figsize=(6, 3.2))
for name in plotted:
    token_ids, per_token = scores[name]
    xs = range(1, len(token_ids) + 1)
    ax.plot(xs, per_token, marker="o", label=f"{name}: {replies[name]}")
    for x, token_id, y in zip(xs, token_ids, per_token):
        ax.annotate(
            repr(tokenizer.decode(token_id)),
            (x, y),
            textcoords="offset points",
            xytext=(0, 6 if name == "rejected" else -12),
            ha="center",
            fontsize=7,
        )
ax.set_title("Log-probability of each reply token")
ax.set_xlabel("token of the reply")
ax.set_ylabel("log-probability")
ax.set_ylim(-3, 0.5)
ax.legend(loc="upper center", bbox_to_anchor=(0.5, -0.22), ncol=2, fontsize=8)
ax.grid(alpha=0.3)
fig.savefig("per_token.png", dpi=110, bbox_inches="tight")
