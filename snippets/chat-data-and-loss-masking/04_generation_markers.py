# Continues the block above (03_assistant_only_trap.py).
# SmolLM2's template writes every turn with one line. Give the
# assistant's turn its own line, with {% generation %} markers
# around the reply and its end-of-turn token.
old = (
    "{{'<|im_start|>' + message['role'] + '\n'"
    " + message['content'] + '<|im_end|>' + '\n'}}"
)
new = (
    "{{'<|im_start|>' + message['role'] + '\n'}}"
    "{% if message['role'] == 'assistant' %}"
    "{% generation %}"
    "{{message['content'] + '<|im_end|>' + '\n'}}"
    "{% endgeneration %}"
    "{% else %}"
    "{{message['content'] + '<|im_end|>' + '\n'}}"
    "{% endif %}"
)
original = tokenizer.chat_template
assert old in original
tokenizer.chat_template = original.replace(old, new)

same = all(
    tokenizer.apply_chat_template(m, tokenize=False)
    == tokenizer.apply_chat_template(m, tokenize=False, chat_template=original)
    for m in msg_data["messages"]
)
print("Same text as before:", same)
print("== messages, assistant_only_loss=True")
show(prepare(msg_data, assistant_only_loss=True))
