"""Claims about snippets/measuring-a-fine-tune/04_the_baselines.py."""

import pytest

SNIPPET = "measuring-a-fine-tune/04_the_baselines.py"
FORMATS = ["LABEL: positive", "LABEL: negative"]


def exact(replies, test):
    return sum(reply == f"LABEL: {label}" for reply, (_, label) in zip(replies, test))


@pytest.mark.quotes("Three baselines, all on the same 36 reviews:")
def test_prints_each_score_with_its_interval(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    test, wilson = ns["test"], ns["wilson"]
    scores = {"zero-shot": exact(ns["zero"], test), "few-shot": exact(ns["few"], test)}
    scores["fine-tuned"] = exact(ns["tuned"], test)
    assert ns["scores"] == scores
    lines = []
    for name, score in scores.items():
        low, high = wilson(score, 36)
        lines.append(f"{name:<11}{score:3d}/36  {low:.0%} to {high:.0%}")
    lines.append(f"Few-shot replies in the format: {sum(r in FORMATS for r in ns['few'])}")
    lines.append(f"  of them positive: {ns['few'].count(FORMATS[0])}")
    lines.append(f"Always positive would score {sum(label == 'positive' for _, label in test)}/36")
    assert run.stdout == "\n".join(lines) + "\n"


@pytest.mark.quotes(
    "**Few-shot prompting**: the instruct model again, with two solved training examples (one of each label) as earlier turns of the chat, before the review.",
    "**Always positive**: the answer that needs no model. On a balanced set it scores half.",
)
def test_the_few_shot_prompt_and_the_trivial_answer(runner):
    ns = runner.run(SNIPPET).namespace
    review = ns["test"][0][0]
    prompt = ns["few_shot"](review)
    assert prompt[0] == ns["chat"](review)[0] and prompt[-1] == ns["chat"](review)[-1]
    shots = prompt[1:-1]
    assert [m["role"] for m in shots] == ["user", "assistant"] * 2
    assert {m["content"] for m in shots[1::2]} == set(FORMATS), "one of each label"
    assert all((m["content"], a["content"][7:]) in ns["train"] for m, a in zip(shots[::2], shots[1::2]))
    assert sum(label == "positive" for _, label in ns["test"]) == 18


@pytest.mark.quotes(
    "The fine-tuned model's interval lies wholly above the few-shot one: on these reviews the fine-tune is better than the few-shot prompt, by more than the luck of the sample explains."
)
def test_the_fine_tunes_interval_clears_the_few_shot_one(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["intervals"]["fine-tuned"][0] > ns["intervals"]["few-shot"][1]


@pytest.mark.quotes("The figure shows each score as a dot and its 95% interval as a line.")
def test_the_figure_is_drawn_from_the_printed_scores(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    [dots] = ns["ax"].get_lines()
    assert list(dots.get_ydata()) == [s / 36 for s in ns["scores"].values()]
    [bars] = ns["ax"].collections
    segments = bars.get_segments()
    ends = [end for seg in segments for end in (seg[0][1], seg[1][1])]
    assert ends == pytest.approx([end for interval in ns["intervals"].values() for end in interval])
    [figure] = run.figures
    assert figure.name == "scores.png"


@pytest.mark.quotes(
    "Zero-shot scores nothing, as in 2.1: not one reply is in the format.",
    "Few-shot prompting fixes the format at once: every one of its replies is a label.",
    "But every one of them is `LABEL: positive`, so its score is exactly what always answering positive scores.",
)
def test_few_shot_gets_the_format_and_always_says_positive(runner):
    ns = runner.run(SNIPPET).namespace
    assert not any(reply in FORMATS for reply in ns["zero"])
    assert all(reply == "LABEL: positive" for reply in ns["few"])
    assert ns["scores"]["few-shot"] == sum(label == "positive" for _, label in ns["test"])
