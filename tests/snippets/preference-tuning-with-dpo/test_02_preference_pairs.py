"""Claims about snippets/preference-tuning-with-dpo/02_preference_pairs.py."""

import pytest

SNIPPET = "preference-tuning-with-dpo/02_preference_pairs.py"


@pytest.mark.quotes(
    "Each training example is a preference pair in the conversational form `DPOTrainer` reads",
)
def test_prints_the_counts_and_the_first_pair(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    first = ns["dataset"][0]
    assert run.stdout == (
        f"Preference pairs: {len(ns['pairs'])}\nHeld-out questions among them: 0\n"
        "Both replies hold the right number: True\nThe first pair:\n"
        + "".join(f"  {k}: {first[k][0]['content']!r}\n" for k in ("prompt", "chosen", "rejected"))
    )


@pytest.mark.quotes(
    "Both hold the\nright number, written by hand for forty questions, none of them held out.",
    "Because both replies are right, the only thing a pair says is which form is preferred.",
)
def test_forty_pairs_both_right_none_held_out(runner):
    ns = runner.run(SNIPPET).namespace
    pairs, held_out = ns["pairs"], ns["held_out"]
    assert len(pairs) == len(ns["dataset"]) == 40
    assert not {q for q, _, _ in pairs} & {q for q, _ in held_out}
    for _, answer, wordy in pairs:
        assert ns["mentions"](wordy, answer) and not ns["in_format"](wordy)


@pytest.mark.quotes(
    "The chosen reply is\n`The answer is N.`; the rejected one is a wordy sentence in the model's own style."
)
def test_each_row_is_a_conversational_pair(runner):
    ns = runner.run(SNIPPET).namespace
    for row, (question, answer, wordy) in zip(ns["dataset"], ns["pairs"]):
        assert row["prompt"] == [{"role": "user", "content": question}]
        assert row["chosen"] == [{"role": "assistant", "content": f"The answer is {answer}."}]
        assert row["rejected"] == [{"role": "assistant", "content": wordy}]
        assert ns["in_format"](row["chosen"][0]["content"])
