"""Claims about snippets/learning-curves/01_task_and_data.py."""

import pytest

from coursetools.runner import SNIPPETS

SNIPPET = "learning-curves/01_task_and_data.py"


@pytest.mark.quotes(
    "The first block is lesson 2.1's task and data, unchanged: the 40 training reviews, the 12 "
    "held-out reviews, the chat form and the exact-match score.",
    "The held-out reviews become a dataset in the same prompt–completion form as the training data, "
    "so that the trainer can compute its loss on them.",
)
def test_the_data_is_lesson_2_1s(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    lesson_2_1 = "".join(
        (SNIPPETS / "your-first-fine-tune" / name).read_text()
        for name in ("01_before_training.py", "02_training_data.py")
    )
    assert len(ns["train"]) == len(ns["dataset"]) == 40
    assert len(ns["held_out"]) == len(ns["held_out_set"]) == 12
    for review, label in ns["train"] + ns["held_out"]:
        assert f'("{review}", "{label}")' in lesson_2_1, review
    first, second = ns["task"].split(". ", 1)
    assert f'"{first}. "' in lesson_2_1 and f'"{second}"' in lesson_2_1
    assert ns["held_out_set"][0] == ns["example"](*ns["held_out"][0])
    assert set(ns["held_out_set"].column_names) == set(ns["dataset"].column_names) == {"prompt", "completion"}
    assert run.stdout == "Training examples: 40\nHeld-out examples: 12\n"
