"""Claims about snippets/picking-a-base-model/02_vocabulary_and_special_tokens.py."""

import pytest

SNIPPET = "picking-a-base-model/02_vocabulary_and_special_tokens.py"


@pytest.mark.quotes("Here is SmolLM2-135M-Instruct's tokenizer:")
def test_prints_exactly_the_size_and_each_special_token(runner):
    run = runner.run(SNIPPET)
    tokenizer = run.namespace["tokenizer"]
    expected = f"Vocabulary size: {len(tokenizer):,} tokens\nSpecial tokens:\n"
    for role, token in tokenizer.special_tokens_map.items():
        expected += f"  {role:<10} {token:<14} id {tokenizer.convert_tokens_to_ids(token)}\n"
    assert run.stdout == expected


@pytest.mark.quotes(
    "The vocabulary size is the number of distinct tokens the model knows, and the number of rows in its embedding table."
)
def test_vocabulary_size_is_the_number_of_embedding_rows(runner):
    """The page: the vocabulary size is the number of rows in the model's embedding table."""
    from transformers import AutoModelForCausalLM

    tokenizer = runner.run(SNIPPET).namespace["tokenizer"]
    model = AutoModelForCausalLM.from_pretrained("HuggingFaceTB/SmolLM2-135M-Instruct")
    assert len(tokenizer) == model.get_input_embeddings().num_embeddings


@pytest.mark.quotes(
    "The special tokens are the markers of the chat template you met in lesson 1.1: `<|im_start|>` opens a turn and `<|im_end|>` closes it.",
    "Each is a single token with its own id, and `<|im_end|>` is also the end-of-sequence token that stops generation.",
)
def test_chat_markers_are_special_tokens_with_their_own_ids(runner):
    """The page: the chat template's `<|im_start|>` and `<|im_end|>` are single special tokens,
    and `<|im_end|>` is the end-of-sequence token that stops generation."""
    tokenizer = runner.run(SNIPPET).namespace["tokenizer"]
    specials = set(tokenizer.special_tokens_map.values())
    assert {"<|im_start|>", "<|im_end|>"} <= specials
    assert tokenizer.eos_token == "<|im_end|>"
    for marker in ("<|im_start|>", "<|im_end|>"):
        assert tokenizer.tokenize(marker) == [marker]


@pytest.mark.quotes("Notice that `<|im_end|>` pads too.")
def test_the_end_of_turn_marker_also_pads(runner):
    """The page: `<|im_end|>` pads too, so masking padding must not mask the real end of an answer."""
    tokenizer = runner.run(SNIPPET).namespace["tokenizer"]
    assert tokenizer.pad_token == tokenizer.eos_token == "<|im_end|>"
    assert tokenizer.pad_token_id == tokenizer.eos_token_id
