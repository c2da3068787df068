from huggingface_hub import model_info

# The model card's metadata, as the Hub shows it at the top of the model page.
info = model_info("HuggingFaceTB/SmolLM2-135M-Instruct")

print("License on the model card:", info.card_data.license)
print("Gated (accept terms before download):", info.gated)
