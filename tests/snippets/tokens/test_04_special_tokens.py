"""Claims about snippets/tokens/04_special_tokens.py."""

import pytest

SNIPPET = "tokens/04_special_tokens.py"


@pytest.mark.quotes("Here they are in the ids of a short chat:")
def test_prints_the_count_each_special_token_and_both_decodings(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    tokenizer, ids = ns["tokenizer"], ns["ids"]
    expected = f"{len(ids)} ids\n"
    for i, token_id in enumerate(ids):
        if token_id in tokenizer.all_special_ids:
            expected += f"  position {i:>2}: id {token_id} {tokenizer.convert_ids_to_tokens(token_id)}\n"
    expected += f"{tokenizer.decode(ids[-8:])!r}\n{tokenizer.decode(ids[-8:], skip_special_tokens=True)!r}\n"
    assert run.stdout == expected


@pytest.mark.quotes(
    "Each turn opens with `<|im_start|>` (id 1) and closes with `<|im_end|>` (id 2); the last\n`<|im_start|>` opens the assistant's turn for the model to fill.",
    "There are three turns, not one,\nbecause the template added its default system message.",
)
def test_three_turns_each_opened_and_the_last_left_open(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer, ids = ns["tokenizer"], ns["ids"]
    assert tokenizer.convert_tokens_to_ids(["<|im_start|>", "<|im_end|>"]) == [1, 2]
    specials = [i for i in ids if i in tokenizer.all_special_ids]
    assert specials == [1, 2, 1, 2, 1]
    assert tokenizer.decode(ids).startswith("<|im_start|>system\n")
    assert tokenizer.decode(ids).endswith("<|im_start|>assistant\n")


@pytest.mark.quotes(
    "`skip_special_tokens=True` drops the\nspecial tokens when decoding, but the role name `assistant` stays: it is ordinary text after the\nmarker.",
)
def test_skipping_special_tokens_keeps_the_role_name(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer, ids = ns["tokenizer"], ns["ids"]
    skipped = tokenizer.decode(ids[-8:], skip_special_tokens=True)
    assert "<|im_start|>" not in skipped and "<|im_end|>" not in skipped
    assert "assistant" in skipped
