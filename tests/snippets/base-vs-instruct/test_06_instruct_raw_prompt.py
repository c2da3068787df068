"""Claims about snippets/base-vs-instruct/06_instruct_raw_prompt.py."""

import pytest

SNIPPET = "base-vs-instruct/06_instruct_raw_prompt.py"
TEMPLATED = "base-vs-instruct/07_instruct_chat_prompt.py"


@pytest.mark.quotes(
    "Feed the same instruct model raw text without its chat template and it doesn't answer at all.",
    "The question is not in a user turn and no assistant turn is open, and SmolLM2-135M-Instruct's first new token is `<|im_end|>`: it ends its turn at once, with an empty reply.",
)
def test_raw_text_derails_the_instruct_model(runner):
    """The page: without its chat template the instruct model ends its turn at once, an empty reply."""
    ns = runner.run(SNIPPET).namespace
    tokenizer, tokens = ns["tokenizer"], ns["new_tokens"].tolist()
    assert tokens[0] == tokenizer.convert_tokens_to_ids("<|im_end|>") == tokenizer.eos_token_id
    assert tokenizer.decode(tokens, skip_special_tokens=True).strip() == ""


@pytest.mark.quotes(
    "Feed it the template and it produces a clean assistant reply, then ends its turn with `<|im_end|>`:",
    "Feed the same instruct model raw text without its chat template and it doesn't answer at all.",
)
def test_the_same_question_through_the_template_is_answered(runner):
    """The contrast the page draws only holds if the templated run does answer."""
    raw = runner.run(SNIPPET).namespace
    templated = runner.run(TEMPLATED).namespace
    assert raw["new_tokens"].tolist() != templated["new_tokens"].tolist()
