"""Claims about snippets/batches-and-packing/01_padding_waste.py."""

import pytest

SNIPPET = "batches-and-packing/01_padding_waste.py"


@pytest.mark.quotes(
    "The data is twelve short reviews from lesson 2.1 with a longer review after every third, as "
    "real data mixes lengths.",
)
def test_twelve_reviews_from_lesson_2_1_and_a_long_one_after_every_third(runner):
    ns = runner.run(SNIPPET).namespace
    first = runner.run("your-first-fine-tune/02_training_data.py").namespace
    train, lengths = ns["train"], ns["lengths"]
    assert len(train) == 16
    short = [t for i, t in enumerate(train) if i % 4 != 3]
    assert all(t in first["train"] for t in short) and len(short) == 12
    for i in range(3, 16, 4):
        assert train[i] not in first["train"]
        assert lengths[i] > max(lengths[i - 3 : i]) + 20


@pytest.mark.quotes(
    "One long review in a batch sets the width for all four rows, so the three short ones are "
    "padded by twenty to thirty-odd tokens each.",
    "A quarter of every position the model computes here is padding.",
)
def test_the_long_review_sets_the_width_and_a_quarter_is_padding(runner):
    run = runner.run(SNIPPET)
    ns = run.namespace
    lengths = ns["lengths"]
    for b in range(4):
        group = lengths[4 * b : 4 * b + 4]
        assert max(group) == group[3]
        assert all(20 <= group[3] - n < 40 for n in group[:3])
        assert ns["padding"][b] == sum(group[3] - n for n in group)
    assert 0.22 <= ns["waste"] < 0.28
    assert "Padding: 322 of 1268, 25%\n" in run.stdout


@pytest.mark.quotes(
    "The collator pads every row to the longest in its batch and returns an **attention mask**: 1 "
    "for a real token, 0 for padding, which the model's attention skips and the loss ignores.",
)
def test_the_attention_mask_marks_padding_and_the_loss_ignores_it(runner):
    ns = runner.run(SNIPPET).namespace
    trainer, rows = ns["trainer"], ns["trainer"].train_dataset
    batch = trainer.data_collator([rows[i] for i in range(4)])
    mask, labels = batch["attention_mask"], batch["labels"]
    assert mask.shape[1] == max(ns["lengths"][:4])
    for i in range(4):
        n = ns["lengths"][i]
        assert mask[i, :n].all() and not mask[i, n:].any()
        assert (labels[i, n:] == -100).all()


@pytest.mark.quotes(
    "The block prepares it with `SFTTrainer`, then builds batches of four with the trainer's own data collator and counts what each holds.",
)
def test_the_figure_shows_the_printed_numbers(runner):
    run = runner.run(SNIPPET)
    ax = run.namespace["ax"]
    real_bars, pad_bars = ax.containers
    assert [b.get_height() for b in real_bars] == run.namespace["real"]
    assert [b.get_height() for b in pad_bars] == run.namespace["padding"]
    [figure] = run.figures
    assert figure.name == "padding.png"
