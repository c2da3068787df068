# Continues the block above (05_two_replies.py).
from collections import Counter


def check(trainer, data, end="<|im_end|>"):
    """Check what the loss sees in every example, before training."""
    rows = trainer.train_dataset
    problems = Counter()
    for row in rows:
        # The runs of consecutive tokens the loss sees.
        spans, span = [], []
        for token, label in zip(row["input_ids"], row["labels"]):
            if label != -100:
                span.append(token)
            elif span:
                spans.append(span)
                span = []
        if span:
            spans.append(span)
        texts = [tokenizer.decode(span) for span in spans]
        if not texts:
            problems["nothing to learn"] += 1
        if any("<|im_start|>" in text for text in texts):
            problems["loss outside the replies"] += 1
        if any(not text.rstrip().endswith(end) for text in texts):
            problems["a reply without its end"] += 1
    print(f"Kept {len(rows)} of {len(data)} examples")
    for problem, count in problems.items():
        print(f"  {problem}: {count}")
    if not problems and rows:
        print("  the loss sees whole replies, nothing else")


print("== messages")
check(prepare(msg_data), msg_data)
print("== messages, assistant_only_loss=True")
check(prepare(msg_data, assistant_only_loss=True), msg_data)
print("== prompt-completion, max_length=40")
check(prepare(pc_data, max_length=40), pc_data)
