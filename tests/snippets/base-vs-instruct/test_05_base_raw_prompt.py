"""Claims about snippets/base-vs-instruct/05_base_raw_prompt.py."""

SNIPPET = "base-vs-instruct/05_base_raw_prompt.py"


def test_base_has_no_end_of_turn_instinct(runner, real_base):
    """The lesson: a base model has no concept of turns and no instinct to stop at the end of an answer."""
    ns = runner.run(SNIPPET).namespace
    tokenizer = ns["tokenizer"]
    im_end = tokenizer.convert_tokens_to_ids("<|im_end|>")
    assert im_end not in ns["new_tokens"].tolist()


def test_prints_the_continuation(runner):
    ns = runner.run(SNIPPET).namespace
    lines = runner.run(SNIPPET).stdout.splitlines()
    assert lines[0] == f"{len(ns['new_tokens'])} new tokens:"
