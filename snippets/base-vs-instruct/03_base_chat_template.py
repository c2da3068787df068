from transformers import AutoTokenizer

base = AutoTokenizer.from_pretrained("HuggingFaceTB/SmolLM2-135M")
instruct = AutoTokenizer.from_pretrained("HuggingFaceTB/SmolLM2-135M-Instruct")

print("Base tokenizer ships a chat template:", base.chat_template is not None)
same = base.chat_template == instruct.chat_template
print("Same template as the instruct model: ", same)
