"""Claims about snippets/data-that-helps/01_duplicates.py."""

import pytest

SNIPPET = "data-that-helps/01_duplicates.py"


@pytest.mark.quotes(
    'The block adds nine reviews "collected later" to lesson 2.1\'s forty and compares every pair:',
)
def test_prints_every_flagged_pair(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    assert len(ns["train"]) == 40 and len(ns["collected"]) == 9
    lines = [f"Reviews: {len(ns['data'])}, pairs flagged: {len(ns['found'])}"]
    for kind, earlier, text, agree in ns["found"]:
        labels = "same label" if agree else "LABELS DIFFER"
        lines += [f"{kind}, similarity {ns['jaccard'](earlier, text):.2f}, {labels}", f"  {earlier}", f"  {text}"]
    assert run.stdout == "\n".join(lines) + "\n"


@pytest.mark.quotes(
    "Three of the new reviews are exact copies once normalised, and three more are near-duplicates, found at a similarity of 0.6 or more.",
)
def test_three_exact_copies_and_three_near_duplicates(runner):
    ns = runner.run(SNIPPET).namespace
    kinds = [kind for kind, *_ in ns["found"]]
    assert kinds.count("exact") == 3 and kinds.count("near") == 3
    train_texts = {text for text, _ in ns["train"]}
    collected_texts = {text for text, _ in ns["collected"]}
    for kind, earlier, text, _ in ns["found"]:
        assert earlier in train_texts and text in collected_texts, "each pair is an old and a new review"
        assert text != earlier, "none is equal as a string"
        same = ns["normalise"](text) == ns["normalise"](earlier)
        assert same == (kind == "exact")
        assert ns["jaccard"](text, earlier) >= 0.6


@pytest.mark.quotes(
    "One copy carries the other label: `Overpriced and bland.` is negative in lesson 2.1's data and positive in the copy.",
)
def test_one_copy_carries_the_other_label(runner):
    ns = runner.run(SNIPPET).namespace
    differ = [(earlier, text) for _, earlier, text, agree in ns["found"] if not agree]
    assert len(differ) == 1
    earlier, text = differ[0]
    assert earlier == "Overpriced and bland."
    assert dict(ns["train"])[earlier] == "negative" and dict(ns["collected"])[text] == "positive"


@pytest.mark.quotes(
    "`normalise` lowers the case and keeps only the words, so punctuation and spacing no longer count.",
    "`jaccard` compares two reviews as sets of words: the words they share divided by all the words they use, 1.0 when the sets are the same.",
)
def test_normalise_and_jaccard(runner):
    ns = runner.run(SNIPPET).namespace
    normalise, jaccard = ns["normalise"], ns["jaccard"]
    assert normalise("Great  value for the money!!") == normalise("great value for the money.")
    assert jaccard("a b c", "c b a!") == 1.0
    assert jaccard("a b c", "a b d") == pytest.approx(2 / 4)


@pytest.mark.quotes(
    "The threshold is a choice: lower it and you find more near-duplicates, and more pairs that only share common words.",
)
def test_lesson_2_1s_own_reviews_are_not_flagged(runner):
    ns = runner.run(SNIPPET).namespace
    assert ns["duplicates"](ns["train"]) == [], "the forty hand-written reviews pass the check"
    assert len(ns["duplicates"](ns["data"], threshold=0.3)) > len(ns["found"])
