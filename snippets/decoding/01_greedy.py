from transformers import AutoModelForCausalLM, AutoTokenizer

model_id = "HuggingFaceTB/SmolLM2-135M-Instruct"
tokenizer = AutoTokenizer.from_pretrained(model_id)
model = AutoModelForCausalLM.from_pretrained(model_id)

messages = [{"role": "user", "content": "Suggest a name for a cat."}]
inputs = tokenizer.apply_chat_template(
    messages, add_generation_prompt=True, return_dict=True, return_tensors="pt"
)
start = inputs["input_ids"].shape[1]


def reply(**settings):
    output = model.generate(**inputs, max_new_tokens=10, **settings)
    return tokenizer.decode(output[0, start:], skip_special_tokens=True)


# Greedy: always the single most likely next token.
first = reply(do_sample=False)
second = reply(do_sample=False)
print(repr(first))
print(repr(second))
print("Same reply:", first == second)
