"""Claims about snippets/base-vs-instruct/02_instruct_chat_template.py."""

import pytest

SNIPPET = "base-vs-instruct/02_instruct_chat_template.py"


@pytest.mark.quotes(
    "Instruct models are trained inside a chat template: a tokenizer rule that wraps each message with role markers like `<|im_start|>user` and `<|im_start|>assistant`, and closes each turn with `<|im_end|>`.",
    "Here is SmolLM2-135M-Instruct's, as its tokenizer ships it:",
)
def test_instruct_template_wraps_turns_in_im_start_and_im_end(runner):
    """The lesson: the template wraps each message with `<|im_start|>role` and closes it with `<|im_end|>`."""
    printed = runner.run(SNIPPET).stdout
    assert "'<|im_start|>' + message['role']" in printed
    assert "<|im_end|>" in printed
    assert "add_generation_prompt" in printed
