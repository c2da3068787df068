"""Claims about snippets/your-first-fine-tune/01_before_training.py."""

SNIPPET = "your-first-fine-tune/01_before_training.py"


def test_prints_each_reply_and_the_exact_matches_it_counts(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    replies, held_out = ns["before_replies"], ns["held_out"]
    hits = sum(reply == f"LABEL: {label}" for reply, (_, label) in zip(replies, held_out))
    assert ns["before"] == hits
    expected = "".join(f"{reply!r}\n" for reply in replies) + f"Exact matches: {hits}/{len(held_out)}\n"
    assert run.stdout == expected


def test_the_instruct_model_replies_but_never_in_the_format(runner):
    """The page: not one reply is the label the task asks for; several repeat the review."""
    ns = runner.run(SNIPPET).namespace
    assert ns["before"] == 0
    repeats = [
        reply
        for reply, (review, _) in zip(ns["before_replies"], ns["held_out"])
        if review.startswith(reply.rstrip("."))
    ]
    assert len(repeats) >= 3, ns["before_replies"]
    in_prose = [r for r in ns["before_replies"] if ("positive" in r or "negative" in r) and not r.startswith("LABEL: ")]
    assert in_prose, "some reply names the sentiment in prose, and scores nothing"


def test_the_held_out_set_is_balanced(runner):
    labels = [label for _, label in runner.run(SNIPPET).namespace["held_out"]]
    assert labels.count("positive") == labels.count("negative")


def test_the_task_is_in_a_system_turn_and_the_review_in_a_user_turn(runner):
    ns = runner.run(SNIPPET).namespace
    messages = ns["chat"]("A review.")
    assert [m["role"] for m in messages] == ["system", "user"]
    assert "LABEL: positive" in messages[0]["content"] and messages[1]["content"] == "A review."
    assert ns["tokenizer"].padding_side == "left"
