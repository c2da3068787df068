"""Claims about snippets/base-vs-instruct/07_instruct_chat_prompt.py."""

import pytest

SNIPPET = "base-vs-instruct/07_instruct_chat_prompt.py"


@pytest.mark.quotes(
    "Feed it the template and it produces a clean assistant reply, then ends its turn with `<|im_end|>`:"
)
def test_templated_question_gets_a_direct_answer(runner):
    ns = runner.run(SNIPPET).namespace
    reply = ns["tokenizer"].decode(ns["new_tokens"], skip_special_tokens=True)
    assert reply.strip() == "The capital of France is Paris."


@pytest.mark.quotes(
    "Feed it the template and it produces a clean assistant reply, then ends its turn with `<|im_end|>`:"
)
def test_instruct_model_stops_at_im_end(runner):
    """The lesson: it produces a clean reply, then ends its turn with <|im_end|> (well before the 40-token cap)."""
    ns = runner.run(SNIPPET).namespace
    tokens = ns["new_tokens"].tolist()
    assert tokens[-1] == ns["tokenizer"].convert_tokens_to_ids("<|im_end|>")
    assert len(tokens) < 40
