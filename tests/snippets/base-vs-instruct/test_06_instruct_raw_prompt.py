"""Claims about snippets/base-vs-instruct/06_instruct_raw_prompt.py."""

SNIPPET = "base-vs-instruct/06_instruct_raw_prompt.py"
TEMPLATED = "base-vs-instruct/07_instruct_chat_prompt.py"


def test_raw_text_derails_the_instruct_model(runner):
    """The lesson: without its chat template the instruct model gets confused — no clean answer."""
    ns = runner.run(SNIPPET).namespace
    reply = ns["tokenizer"].decode(ns["new_tokens"], skip_special_tokens=True)
    assert "The capital of France is Paris." not in reply


def test_the_same_question_through_the_template_is_answered(runner):
    """The contrast the page draws only holds if the templated run does answer."""
    raw = runner.run(SNIPPET).namespace
    templated = runner.run(TEMPLATED).namespace
    assert raw["new_tokens"].tolist() != templated["new_tokens"].tolist()
