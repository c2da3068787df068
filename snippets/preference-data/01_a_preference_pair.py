from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained(
    "HuggingFaceTB/SmolLM2-135M-Instruct"
)

# One preference pair, in TRL's conversational format: a prompt,
# and two replies to it, the one you prefer and the one you don't.
pair = {
    "prompt": [
        {"role": "user", "content": "What is 3 + 5?"},
    ],
    "chosen": [
        {"role": "assistant", "content": "The answer is 8."},
    ],
    "rejected": [
        {"role": "assistant", "content": "3 + 5 = 8"},
    ],
}

# What the model reads: the prompt, then one reply or the other.
prompt = tokenizer.apply_chat_template(
    pair["prompt"], tokenize=False, add_generation_prompt=True
)
print(f"Prompt, {len(tokenizer(prompt).input_ids)} tokens:")
print(prompt)
for side in ["chosen", "rejected"]:
    text = tokenizer.apply_chat_template(
        pair["prompt"] + pair[side], tokenize=False
    )
    assert text.startswith(prompt)  # the same prompt, for both replies
    reply = text[len(prompt) :]
    print(f"{side}, {len(tokenizer(reply).input_ids)} tokens: {reply!r}")
