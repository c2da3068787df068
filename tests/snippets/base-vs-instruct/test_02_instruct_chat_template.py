"""Claims about snippets/base-vs-instruct/02_instruct_chat_template.py."""

SNIPPET = "base-vs-instruct/02_instruct_chat_template.py"


def test_instruct_template_wraps_turns_in_im_start_and_im_end(runner):
    """The lesson: the template wraps each message with `<|im_start|>role` and closes it with `<|im_end|>`."""
    printed = runner.run(SNIPPET).stdout
    assert "'<|im_start|>' + message['role']" in printed
    assert "<|im_end|>" in printed
    assert "add_generation_prompt" in printed
