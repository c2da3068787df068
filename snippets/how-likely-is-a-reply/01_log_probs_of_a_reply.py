import torch
from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)

prompt = [{"role": "user", "content": "What is 3 + 5?"}]
reply = [{"role": "assistant", "content": "The answer is 8."}]
prompt_ids = tokenizer.apply_chat_template(
    prompt, add_generation_prompt=True, return_dict=True
)["input_ids"]
ids = tokenizer.apply_chat_template(
    prompt + reply, return_dict=True, return_tensors="pt"
)["input_ids"]

with torch.no_grad():
    logits = model(ids).logits
# The logits at position i score the token at position i + 1.
log_probs = torch.log_softmax(logits[0, :-1], dim=-1)
token_log_probs = log_probs.gather(-1, ids[0, 1:, None])[:, 0]

# Keep the reply's tokens only: the prompt is given, not generated.
start = len(prompt_ids)
reply_ids = ids[0, start:]
reply_log_probs = token_log_probs[start - 1 :]
for token_id, log_p in zip(reply_ids, reply_log_probs):
    token = tokenizer.decode(token_id)
    print(f"{token!r:14} {log_p:7.3f}  p = {log_p.exp():.3f}")
total = reply_log_probs.sum()
print(f"Sum: {total:.3f}  p = {total.exp():.4f}")
