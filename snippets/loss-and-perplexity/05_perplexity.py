# Continues the block above (04_ignore_index.py).
import math

shuffled = "Paris France capital the is of."
for sentence in [text, shuffled]:
    sentence_ids = tokenizer(sentence, return_tensors="pt")["input_ids"]
    loss = model(input_ids=sentence_ids, labels=sentence_ids).loss
    print(sentence)
    print(f"  loss {loss.item():.3f}  perplexity {math.exp(loss.item()):.1f}")
