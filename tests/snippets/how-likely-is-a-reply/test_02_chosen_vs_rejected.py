"""Claims about snippets/how-likely-is-a-reply/02_chosen_vs_rejected.py."""

import pytest

SNIPPET = "how-likely-is-a-reply/02_chosen_vs_rejected.py"


@pytest.mark.quotes(
    "Before any preference tuning, the model finds the rejected reply more likely than the chosen one: its sum is higher.",
)
def test_the_rejected_reply_is_likelier(runner):
    scores = runner.run(SNIPPET).namespace["scores"]
    assert scores["rejected"][1].sum() > scores["chosen"][1].sum()


@pytest.mark.quotes(
    "most of each reply's tokens are easy once the first is written, and the costly choices are the first token and where to stop.",
)
def test_the_costly_tokens_are_the_first_and_the_end_of_turn(runner):
    ns = runner.run(SNIPPET).namespace
    tokenizer = ns["tokenizer"]
    for name in ns["plotted"]:
        token_ids, per_token = ns["scores"][name]
        end = [tokenizer.decode(t) for t in token_ids].index("<|im_end|>")
        two_lowest = sorted(range(len(per_token)), key=lambda i: float(per_token[i]))[:2]
        assert set(two_lowest) == {0, end}, name
        easy = [i for i in range(len(per_token)) if per_token[i] > -1]
        assert len(easy) > len(per_token) / 2, name


@pytest.mark.quotes(
    "every extra token adds a negative number, so a longer reply has a lower sum even when its tokens are, on average, likelier.",
)
def test_the_longer_reply_has_a_lower_sum_and_a_higher_mean(runner):
    scores = runner.run(SNIPPET).namespace["scores"]
    chosen, longer = scores["chosen"][1], scores["longer"][1]
    assert len(longer) > len(chosen)
    assert longer.sum() < chosen.sum() and longer.mean() > chosen.mean()


@pytest.mark.quotes(
    "The figure shows where the two replies win and lose their probability: most of each reply's tokens are easy once the first is written, and the costly choices are the first token and where to stop.",
)
def test_the_figure_is_drawn_from_the_printed_values(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    lines = ns["ax"].get_lines()
    assert len(lines) == 2
    for line, name in zip(lines, ns["plotted"]):
        values = [float(v) for v in ns["scores"][name][1]]
        assert [float(v) for v in line.get_ydata()] == values
        assert "  " + " ".join(f"{v:.1f}" for v in values) + "\n" in run.stdout
    [figure] = run.figures
    assert figure.name == "per_token.png"
