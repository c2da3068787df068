# Continues the block above (02_merge_and_save.py).
# What whoever you give the folder runs: transformers alone.
del trainer, model, merged  # they have only the folder
model_id = "sentiment-model"
tokenizer = AutoTokenizer.from_pretrained(model_id, padding_side="left")
shipped = AutoModelForCausalLM.from_pretrained(model_id)

shipped_replies = classify(shipped, held_out)  # with the saved tokenizer
print(type(shipped).__name__, shipped.dtype)
print("Same replies as the trained model:", shipped_replies == trained_replies)
print(
    f"Exact matches: {exact_matches(shipped_replies, held_out)}/{len(held_out)}"
)
