"""Claims about snippets/data-that-helps/06_check_synthetic.py."""

import textwrap

import pytest

SNIPPET = "data-that-helps/06_check_synthetic.py"


def stages(ns):
    """What survives each check, rebuilt from the run."""
    formed = [(t, label) for t, label, done in ns["synthetic"] if ns["well_formed"](t, done)]
    agree = [item for item, v in zip(formed, ns["verdicts"]) if v == f"LABEL: {item[1]}"]
    jaccard = ns["jaccard"]
    unique = [
        (t, label)
        for i, (t, label) in enumerate(agree)
        if not any(jaccard(t, other) >= 0.6 for other, _ in ns["train"] + agree[:i])
    ]
    unleaked = [(t, label) for t, label in unique if not any(jaccard(t, h) >= 0.6 for h, _ in ns["held_out"])]
    return formed, agree, unique, unleaked


@pytest.mark.quotes(
    "The block counts what survives each check and prints the survivors:",
)
def test_prints_the_count_after_each_check_and_the_survivors(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    formed, agree, unique, unleaked = stages(ns)
    assert ns["kept"] == unleaked
    lines = [
        f"Generated: {len(ns['synthetic'])}",
        f"  well formed:      {len(formed)}",
        f"  label agrees:     {len(agree)}",
        f"  not a duplicate:  {len(unique)}",
        f"  not in held-out:  {len(unleaked)}",
    ]
    for text, label in unleaked:
        lines += [f"[{label}]", textwrap.indent(textwrap.fill(text, 56), "  ")]
    assert run.stdout == "\n".join(lines) + "\n"


@pytest.mark.quotes(
    "The format check drops four of the twelve: cut off, or talking about a review instead of being one.",
    "The label check agrees with all eight that are left, and the duplicate and leak checks find nothing, so eight survive.",
)
def test_what_each_check_drops(runner):
    ns = runner.run(SNIPPET).namespace
    formed, agree, unique, unleaked = stages(ns)
    dropped = [(t, done) for t, _, done in ns["synthetic"] if not ns["well_formed"](t, done)]
    assert len(ns["synthetic"]) == 12 and len(dropped) == 4
    assert all(not done or "review" in t.lower() for t, done in dropped)
    assert len(formed) == len(agree) == len(unique) == len(unleaked) == 8


@pytest.mark.quotes(
    "The review with the placeholder passed every check, and so did the complimentary upgrade, which reviews nothing:",
)
def test_a_placeholder_and_a_non_review_survive(runner):
    kept = [text for text, _ in runner.run(SNIPPET).namespace["kept"]]
    assert any("[insert adjective_desc]" in text for text in kept)
    assert any("complimentary upgrade" in text for text in kept)
