"""Claims about snippets/lora-settings/05_the_sweep_figure.py."""

import pytest

SNIPPET = "lora-settings/05_the_sweep_figure.py"


@pytest.mark.quotes(
    "The table and the figure put the five runs side by side.",
)
def test_prints_one_row_per_run(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    n = len(ns["held_out"])
    rows = "".join(
        f"{name:<16}{r['losses'][-1]:>5.2f} {str(r['score']) + '/' + str(n):>5}\n" for name, r in ns["runs"].items()
    )
    assert run.stdout == f"{'run':<16}{'loss':>5} held-out\n" + rows
    assert max(len(line) for line in run.stdout.splitlines()) <= 45


@pytest.mark.quotes(
    "The table and the figure put the five runs side by side.",
)
def test_the_figure_draws_the_printed_runs(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    runs = ns["runs"]
    lines = ns["top"].get_lines()
    assert [line.get_label() for line in lines] == list(runs)
    for line, r in zip(lines, runs.values()):
        assert list(line.get_ydata()) == r["losses"]
    assert [bar.get_width() for bar in ns["bars"]] == [r["score"] for r in runs.values()]
    [figure] = run.figures
    assert figure.name == "sweep.png"
    assert figure.alt.startswith("Line chart, Training loss, 5 steps per run: loss against step.")


@pytest.mark.quotes(
    "The table and the figure put the five runs side by side.",
    "Lesson 2.1's settings and rank 16 with alpha 4 draw one line, one on top of the other.",
    "The run at a tenth of the rate stays where it started.",
    "The two fast runs, ten times the rate and alpha 32, are under 0.1 by the third step and score best.",
)
def test_the_runs_fall_into_the_groups_the_page_names(runner):
    runs = runner.run(SNIPPET).namespace["runs"]
    assert len(runs) == 5
    first, same_alpha = runs["2.1's settings"]["losses"], runs["r=16, alpha=4"]["losses"]
    assert all(abs(a - b) < 0.05 for a, b in zip(first, same_alpha))
    low = runs["lr 1e-04"]["losses"]
    assert max(low) - min(low) < 0.3 and low[-1] >= low[0]
    fast = ("lr 1e-02", "r=16, alpha=32")
    for name in fast:
        assert runs[name]["losses"][2] < 0.1
    best = sorted(runs, key=lambda name: runs[name]["score"], reverse=True)[:2]
    assert set(best) == set(fast)


@pytest.mark.quotes(
    "Yet the lowest loss is not the best score: the run at alpha 32 ends with the lowest loss and the run "
    "at ten times the rate with the most right answers.",
)
def test_the_lowest_loss_is_not_the_best_score(runner):
    runs = runner.run(SNIPPET).namespace["runs"]
    lowest = min(runs, key=lambda name: runs[name]["losses"][-1])
    best = max(runs.values(), key=lambda r: r["score"])["score"]
    assert lowest == "r=16, alpha=32"
    assert runs["lr 1e-02"]["score"] == best > runs[lowest]["score"]
