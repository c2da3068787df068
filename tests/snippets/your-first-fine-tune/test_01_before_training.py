"""Claims about snippets/your-first-fine-tune/01_before_training.py."""

import pytest

SNIPPET = "your-first-fine-tune/01_before_training.py"


@pytest.mark.quotes(
    "Here is what SmolLM2-135M-Instruct replies before any training, on the held-out reviews:",
    "So the score below counts exact matches only.",
)
def test_prints_each_reply_and_the_exact_matches_it_counts(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    replies, held_out = ns["before_replies"], ns["held_out"]
    hits = sum(reply == f"LABEL: {label}" for reply, (_, label) in zip(replies, held_out))
    assert ns["before"] == hits
    end = ns["tokenizer"].eos_token_id
    cut = sum(end not in ids for ids in ns["before_ids"].tolist())
    expected = "".join(f"{reply!r}\n" for reply in replies) + f"Exact matches: {hits}/{len(held_out)}\n"
    assert run.stdout == expected + f"Cut at 8 tokens: {cut}/{len(held_out)}\n"


@pytest.mark.quotes(
    "Each reply stops at 8 new tokens (`max_new_tokens=8`), more than a label and its `<|im_end|>` need.",
    "The last line counts the replies that reached that limit before the model ended its turn: those are cut, so a reply that trails off mid-sentence was stopped there, not finished.",
)
def test_a_reply_without_its_end_of_turn_used_all_8_tokens(runner):
    """The page: a reply that didn't end its turn was cut at the limit; a label needs fewer tokens."""
    ns = runner.run(SNIPPET).namespace
    tokenizer, end = ns["tokenizer"], ns["tokenizer"].eos_token_id
    assert ns["before_ids"].shape[1] <= 8
    for ids in ns["before_ids"].tolist():
        if end not in ids:
            assert len(ids) == 8
    label = tokenizer("LABEL: positive", add_special_tokens=False)["input_ids"]
    assert len(label) + 1 < 8, "a label and its <|im_end|> need fewer than 8 tokens"
    assert 0 < sum(end not in ids for ids in ns["before_ids"].tolist()) < len(ns["held_out"])


@pytest.mark.quotes(
    "Not one reply is exactly in the format.",
    "The closest, `'LABEL: positive or LAB'`, copies the instruction's own words; others repeat the review or talk about it, and a reply that says `positive` in prose scores nothing.",
)
def test_the_instruct_model_replies_but_never_in_the_format(runner):
    """The page: not one reply is the label the task asks for; the closest copies the instruction's
    words; others repeat the review or talk about it; one says the sentiment in prose."""
    ns = runner.run(SNIPPET).namespace
    assert ns["before"] == 0
    copies = [r for r in ns["before_replies"] if r.startswith("LABEL: ") and r in ns["task"]]
    assert copies, "the closest reply copies the instruction's own words"
    repeats = [
        reply
        for reply, (review, _) in zip(ns["before_replies"], ns["held_out"])
        if review.startswith(reply.rstrip("."))
    ]
    assert len(repeats) >= 3, ns["before_replies"]
    in_prose = [r for r in ns["before_replies"] if ("positive" in r or "negative" in r) and not r.startswith("LABEL: ")]
    assert in_prose, "some reply names the sentiment in prose, and scores nothing"


@pytest.mark.quotes("Here is what SmolLM2-135M-Instruct replies before any training, on the held-out reviews:")
def test_the_held_out_set_is_balanced(runner):
    labels = [label for _, label in runner.run(SNIPPET).namespace["held_out"]]
    assert labels.count("positive") == labels.count("negative")


@pytest.mark.quotes(
    "The task goes in a system message, each review in a user message.",
    '`padding_side="left"` pads the shorter prompts of a batch on the left, so every prompt ends right where generation starts;',
)
def test_the_task_is_in_a_system_turn_and_the_review_in_a_user_turn(runner):
    ns = runner.run(SNIPPET).namespace
    messages = ns["chat"]("A review.")
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "LABEL: positive" in messages[0]["content"] and messages[1]["content"] == "A review."
    assert ns["tokenizer"].padding_side == "left"
