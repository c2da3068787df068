"""Claims about snippets/preference-data/01_a_preference_pair.py."""

import pytest

SNIPPET = "preference-data/01_a_preference_pair.py"


@pytest.mark.quotes(
    "Both replies continue the very same prompt, token for token.",
    "Here both replies say 8; they differ only in form, so the pair teaches form.",
)
def test_both_replies_continue_the_same_prompt_and_say_8(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer, pair, prompt = ns["tokenizer"], ns["pair"], ns["prompt"]
    prompt_ids = tokenizer(prompt).input_ids
    for side in ["chosen", "rejected"]:
        ids = tokenizer.apply_chat_template(pair["prompt"] + pair[side], tokenize=True, return_dict=True)["input_ids"]
        assert ids[: len(prompt_ids)] == prompt_ids
        assert "8" in pair[side][0]["content"]
    assert set(pair) == {"prompt", "chosen", "rejected"}


@pytest.mark.quotes(
    "With no system message in the pair, SmolLM2's chat template puts its own default system message in front.",
)
def test_the_template_adds_a_default_system_message(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert all(m["role"] != "system" for m in ns["pair"]["prompt"])
    assert ns["prompt"].startswith("<|im_start|>system\n")
    assert len(ns["tokenizer"](ns["prompt"]).input_ids) > 3 * len(ns["tokenizer"]("What is 3 + 5?").input_ids)
    assert run.stdout.startswith(f"Prompt, {len(ns['tokenizer'](ns['prompt']).input_ids)} tokens:\n")
