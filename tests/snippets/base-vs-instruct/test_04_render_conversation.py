"""Claims about snippets/base-vs-instruct/04_render_conversation.py."""

import pytest

SNIPPET = "base-vs-instruct/04_render_conversation.py"


@pytest.mark.quotes(
    "`apply_chat_template` renders a list of messages through the template, and `add_generation_prompt=True` opens the assistant's turn for the model to fill:"
)
def test_template_adds_role_markers_around_the_user_message(runner):
    prompt = runner.run(SNIPPET).namespace["prompt"]
    assert "<|im_start|>user\nWhat is the capital of France?<|im_end|>\n" in prompt


@pytest.mark.quotes(
    "`apply_chat_template` renders a list of messages through the template, and `add_generation_prompt=True` opens the assistant's turn for the model to fill:"
)
def test_generation_prompt_opens_the_assistant_turn(runner):
    """The lesson: add_generation_prompt=True opens the assistant's turn for the model to fill."""
    prompt = runner.run(SNIPPET).namespace["prompt"]
    assert prompt.endswith("<|im_start|>assistant\n")


@pytest.mark.quotes(
    "Notice the first turn: the conversation had no system message, so SmolLM2's template added its default one."
)
def test_template_adds_a_default_system_turn(runner):
    """The lesson: with no system message, SmolLM2's template adds its default one first."""
    prompt = runner.run(SNIPPET).namespace["prompt"]
    assert prompt.startswith("<|im_start|>system\n")
    assert prompt.index("<|im_start|>system") < prompt.index("<|im_start|>user")
