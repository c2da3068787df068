"""Claims about snippets/your-first-fine-tune/02_training_data.py."""

import pytest

SNIPPET = "your-first-fine-tune/02_training_data.py"


@pytest.mark.quotes(
    "The block counts the examples, checks that no held-out review slipped into the training data, and prints the first example through the chat template."
)
def test_prints_the_counts_and_the_first_example_as_rendered(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    train, held_out, first = ns["train"], ns["held_out"], ns["dataset"][0]
    positive = sum(label == "positive" for _, label in train)
    rendered = ns["tokenizer"].apply_chat_template(first["prompt"] + first["completion"], tokenize=False)
    assert run.stdout == (
        f"Training examples: {len(train)}\n  positive {positive}, negative {len(train) - positive}\n"
        f"Held-out examples: {len(held_out)}, also in training: 0\n"
        f"The first example, as the model reads it:\n{rendered}\n"
    )


@pytest.mark.quotes(
    "The training data is a list of reviews with their labels, written by hand for this lesson, none of them among the held-out reviews."
)
def test_the_held_out_reviews_are_not_in_the_training_data(runner):
    ns = runner.run(SNIPPET).namespace
    assert not {r for r, _ in ns["train"]} & {r for r, _ in ns["held_out"]}
    assert len(ns["dataset"]) == len(ns["train"])


@pytest.mark.quotes(
    "Each becomes one example in the conversational prompt–completion form TRL's trainer reads: the prompt is the conversation so far (the system and user messages), the completion is the reply the model should learn (one assistant message)."
)
def test_every_completion_is_one_of_the_two_labels_in_an_assistant_turn(runner):
    dataset = runner.run(SNIPPET).namespace["dataset"]
    for row in dataset:
        [reply] = row["completion"]
        assert reply["role"] == "assistant" and reply["content"] in ("LABEL: positive", "LABEL: negative")
        assert [m["role"] for m in row["prompt"]] == ["system", "user"]


@pytest.mark.quotes(
    "That rendering, with its role markers and `<|im_end|>` at the end of each turn, is what the model really reads and learns from:"
)
def test_the_rendered_example_has_the_three_turns(runner):
    stdout = runner.run(SNIPPET).stdout
    for role in ("system", "user", "assistant"):
        assert f"<|im_start|>{role}\n" in stdout
