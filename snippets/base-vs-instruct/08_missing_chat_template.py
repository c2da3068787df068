from transformers import AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)
tokenizer.chat_template = None  # as if the tokenizer shipped no template

messages = [{"role": "user", "content": "What is the capital of France?"}]
try:
    tokenizer.apply_chat_template(messages)
except ValueError as error:
    print(f"ValueError: {error}")
