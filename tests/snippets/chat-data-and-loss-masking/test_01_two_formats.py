"""Claims about snippets/chat-data-and-loss-masking/01_two_formats.py."""

import pytest

SNIPPET = "chat-data-and-loss-masking/01_two_formats.py"


@pytest.mark.quotes(
    "Here are the first four training reviews of lesson 2.1 in both:",
)
def test_the_data_is_lesson_2_1s_first_four_reviews(runner):
    ns = runner.run(SNIPPET).namespace
    first = runner.run("your-first-fine-tune/02_training_data.py").namespace
    assert ns["train"] == first["train"][:4]
    assert ns["task"] == first["task"]
    assert len(ns["pc_data"]) == len(ns["msg_data"]) == 4


@pytest.mark.quotes(
    "In the **prompt–completion format** each example has two columns: the prompt, the "
    "conversation so far, and the completion, the reply to learn.",
    "In the messages format each example is one whole conversation in a single `messages` "
    "column, the reply as its last turn.",
)
def test_the_two_formats_columns_and_roles(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert ns["pc_data"].column_names == ["prompt", "completion"]
    assert ns["msg_data"].column_names == ["messages"]
    for pc, msg in zip(ns["pc_data"], ns["msg_data"]):
        assert msg["messages"] == pc["prompt"] + pc["completion"]
        assert msg["messages"][-1]["role"] == "assistant"
    assert run.stdout.endswith("Same text for the model: True\n")


@pytest.mark.quotes("Through the chat template, both give the model exactly the same text.")
def test_both_formats_render_the_same_text_for_every_example(runner):
    ns = runner.run(SNIPPET).namespace
    tok = ns["tokenizer"]
    for pc, msg in zip(ns["pc_data"], ns["msg_data"]):
        assert tok.apply_chat_template(pc["prompt"] + pc["completion"], tokenize=False) == tok.apply_chat_template(
            msg["messages"], tokenize=False
        )
