# Continues the block above (02_what_the_loss_sees.py).
import textwrap

import torch

# Ask for the loss on the assistant's turns only.
try:
    prepare(msg_data, assistant_only_loss=True)
except ValueError as error:
    print("SFTTrainer refused:")
    print(textwrap.fill(str(error), 42))

# The mask it would read, straight from the tokenizer:
out = tokenizer.apply_chat_template(
    msg["messages"],
    return_dict=True,
    return_assistant_tokens_mask=True,
    return_tensors="pt",
)
mask = out["assistant_masks"]
print(f"Assistant tokens: {int(mask.sum())} of {mask.numel()}")

# Labels from that mask: every token ignored.
labels = out["input_ids"].masked_fill(mask == 0, -100)
with torch.no_grad():
    loss = model(input_ids=out["input_ids"], labels=labels).loss
print(f"Loss with every token masked: {loss.item()}")
