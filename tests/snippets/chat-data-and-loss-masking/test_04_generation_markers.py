"""Claims about snippets/chat-data-and-loss-masking/04_generation_markers.py."""

import pytest

SNIPPET = "chat-data-and-loss-masking/04_generation_markers.py"


@pytest.mark.quotes(
    "The block below gives the assistant's turn its own branch, with the reply and its "
    "end-of-turn token inside `{% generation %}`, and checks that the template still renders every "
    "example exactly as before: the model must keep reading the format it was aligned in.",
)
def test_the_fixed_template_renders_every_example_as_before(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tok = ns["tokenizer"]
    assert "{% generation %}" in tok.chat_template and "{% generation %}" not in ns["original"]
    for messages in ns["msg_data"]["messages"]:
        for prompt_only in (False, True):
            m = messages[:-1] if prompt_only else messages
            assert tok.apply_chat_template(m, tokenize=False, add_generation_prompt=prompt_only) == (
                tok.apply_chat_template(
                    m, tokenize=False, add_generation_prompt=prompt_only, chat_template=ns["original"]
                )
            )
    assert run.stdout.startswith("Same text as before: True\n")


@pytest.mark.quotes(
    "Now assistant-only loss sees the same six tokens as completion-only loss did.",
)
def test_assistant_only_loss_now_sees_the_same_tokens_as_completion_only(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    fixed = ns["prepare"](ns["msg_data"], assistant_only_loss=True)
    pc = ns["pc_trainer"]
    for i in range(len(ns["msg_data"])):
        a, b = fixed.train_dataset[i], pc.train_dataset[i]
        assert a["input_ids"] == b["input_ids"] and a["labels"] == b["labels"]
        assert sum(label != -100 for label in a["labels"]) == 6
    assert "Loss on 6 of 54 tokens:" in run.stdout


@pytest.mark.quotes(
    "Put the end-of-turn token inside the markers, as here: outside them, the model would never be trained to stop.",
)
def test_the_end_of_turn_token_is_in_the_assistant_mask(runner):
    ns = runner.run(SNIPPET).namespace
    from trl.chat_template_utils import is_chat_template_stop_token_trained

    assert is_chat_template_stop_token_trained(ns["tokenizer"])
