"""Claims about snippets/measuring-a-fine-tune/05_log_likelihood.py."""

import pytest

SNIPPET = "measuring-a-fine-tune/05_log_likelihood.py"


def by_likelihood(scored, test):
    return [("positive", "negative")[int(s.argmax())] == label for s, (_, label) in zip(scored, test)]


def by_text(replies, test):
    return [reply == f"LABEL: {label}" for reply, (_, label) in zip(replies, test)]


@pytest.mark.quotes(
    "Instead of letting the model write, it writes the reply up to the label itself, `LABEL:`, and asks how likely the model finds each label as the next token:",
    "Both replies share `LABEL:`, so the label token is the only place they differ.",
)
def test_prints_both_scores_and_where_they_disagree(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    test, tok = ns["test"], ns["tokenizer"]
    assert [tok.decode([i]) for i in ns["ids"]] == [" positive", " negative"]
    assert tok("LABEL: positive")["input_ids"][:-1] == tok("LABEL: negative")["input_ids"][:-1]
    assert tok("LABEL:")["input_ids"] == tok("LABEL: positive")["input_ids"][:-1]
    assert ns["zero_ll"].shape == ns["tuned_ll"].shape == (36, 2)
    assert (ns["zero_ll"] <= 0).all() and (ns["tuned_ll"] <= 0).all(), "log-probabilities"
    lines = []
    for name, replies, scored in [
        ("zero-shot", ns["zero"], ns["zero_ll"]),
        ("fine-tuned", ns["tuned"], ns["tuned_ll"]),
    ]:
        ll, text = by_likelihood(scored, test), by_text(replies, test)
        low, high = ns["wilson"](sum(ll), 36)
        lines += [f"{name}:", f"  log-likelihood {sum(ll)}/36, {low:.0%} to {high:.0%}", f"  generation {sum(text)}/36"]
        lines.append(f"  they disagree on {sum(a != b for a, b in zip(ll, text))}")
        lines.append(f"  log-likelihood picks positive {int((scored.argmax(-1) == 0).sum())}")
    i = [a == b for a, b in zip(by_likelihood(ns["zero_ll"], test), by_text(ns["zero"], test))].index(False)
    assert ns["i"] == i
    lines += [f"Zero-shot, on {test[i][0]!r}", f"  reply: {ns['zero'][i]!r}"]
    lines += [f"  log p({label}) = {v:.2f}" for label, v in zip(["positive", "negative"], ns["zero_ll"][i].tolist())]
    assert run.stdout == "\n".join(lines) + "\n"


@pytest.mark.quotes(
    "Scored by log-likelihood, the instruct model gets more than half of the reviews right where generation got none, and the two methods disagree on every one of those.",
    "The example shows why: on the bakery review the model finds `positive` far likelier than `negative`, while the reply it writes is about something else.",
    "The zero of exact match measured the format, and hid what judgement there is.",
)
def test_the_instruct_model_prefers_labels_it_does_not_write(runner):
    ns = runner.run(SNIPPET).namespace
    test = ns["test"]
    ll, text = by_likelihood(ns["zero_ll"], test), by_text(ns["zero"], test)
    assert sum(ll) > len(test) / 2 and sum(text) == 0
    assert sum(a != b for a, b in zip(ll, text)) == sum(ll)
    i = ns["i"]
    assert "bakery" in test[i][0] and test[i][1] == "positive"
    assert ns["zero_ll"][i][0] - ns["zero_ll"][i][1] > 2, "far likelier: more than e^2 times"
    assert "positive" not in ns["zero"][i] and "negative" not in ns["zero"][i]


@pytest.mark.quotes(
    "The instruct model picks positive for almost every review, and its interval reaches below the 50% that always answering positive scores.",
    "The fine-tuned model picks each label about as often as the set holds it, gets the same reviews right by either method, and its interval lies above the zero-shot one.",
    "The fine-tune taught both the format and the judgement; log-likelihood scoring is what tells the two apart.",
)
def test_the_fine_tune_taught_the_judgement_too(runner):
    ns = runner.run(SNIPPET).namespace
    test, wilson = ns["test"], ns["wilson"]
    zero_picks = int((ns["zero_ll"].argmax(-1) == 0).sum())
    tuned_picks = int((ns["tuned_ll"].argmax(-1) == 0).sum())
    positives = sum(label == "positive" for _, label in test)
    assert zero_picks >= 0.8 * len(test)
    assert abs(tuned_picks - positives) <= 0.1 * len(test)
    zero_ll, tuned_ll = by_likelihood(ns["zero_ll"], test), by_likelihood(ns["tuned_ll"], test)
    assert wilson(sum(zero_ll), len(test))[0] < 0.5
    assert tuned_ll == by_text(ns["tuned"], test)
    assert wilson(sum(tuned_ll), len(test))[0] > wilson(sum(zero_ll), len(test))[1]
