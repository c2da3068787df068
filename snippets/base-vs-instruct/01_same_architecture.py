from transformers import AutoModelForCausalLM

base = AutoModelForCausalLM.from_pretrained("HuggingFaceTB/SmolLM2-135M")
instruct = AutoModelForCausalLM.from_pretrained(
    "HuggingFaceTB/SmolLM2-135M-Instruct"
)

for name, model in [("base", base), ("instruct", instruct)]:
    config = model.config
    parameters = sum(p.numel() for p in model.parameters())
    print(
        f"{name:<9} {type(model).__name__}  "
        f"layers={config.num_hidden_layers}  "
        f"hidden={config.hidden_size}  parameters={parameters:,}"
    )
