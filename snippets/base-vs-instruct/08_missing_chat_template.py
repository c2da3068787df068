from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained("HuggingFaceTB/SmolLM2-135M-Instruct")
tokenizer.chat_template = None  # what you have with a tokenizer that ships no template

try:
    tokenizer.apply_chat_template([{"role": "user", "content": "What is the capital of France?"}])
except ValueError as error:
    print(f"ValueError: {error}")
