# Continues the block above (01_two_formats.py).
from transformers import AutoModelForCausalLM
from trl import SFTConfig, SFTTrainer

model = AutoModelForCausalLM.from_pretrained(model_id)


def prepare(data, **options):
    """Tokenize and label the data the way SFTTrainer does."""
    options = {"max_length": 128, **options}
    args = SFTConfig(output_dir="run", bf16=False, report_to="none", **options)
    return SFTTrainer(
        model=model,
        args=args,
        train_dataset=data,
        processing_class=tokenizer,
    )


def show(trainer, i=0):
    """Print example i, with the tokens the loss sees in [[ ]]."""
    # The batch the trainer's data collator builds from example i.
    batch = trainer.data_collator([trainer.train_dataset[i]])
    ids, labels = batch["input_ids"][0], batch["labels"][0]
    learned = labels != -100  # -100: a token the loss ignores
    print(f"Loss on {int(learned.sum())} of {len(ids)} tokens:")
    text, inside = "", False
    for token, in_loss in zip(ids.tolist(), learned.tolist()):
        if in_loss != inside:
            text += "[[" if in_loss else "]]"
            inside = in_loss
        text += tokenizer.decode([token])
    print(text + ("]]" if inside else ""))


print("== prompt-completion")
pc_trainer = prepare(pc_data)
show(pc_trainer)
print("Its loss tokens, one by one:")
row = pc_trainer.train_dataset[0]
for token, label in zip(row["input_ids"], row["labels"]):
    if label != -100:
        print(f"  {label:>5} {tokenizer.decode([token])!r}")
print("== messages")
show(prepare(msg_data))
