"""Claims about snippets/decoding/04_seeds.py."""

import pytest

SNIPPET = "decoding/04_seeds.py"


@pytest.mark.quotes(
    "Set the same seed before the same `generate` call and you get the same reply; set another and you get another:",
)
def test_prints_each_sample(runner):
    run = runner.run(SNIPPET)
    s = run.namespace["samples"]
    assert run.stdout == (
        f"seed 0: {s[0]!r}\nseed 1: {s[1]!r}\nseed 0: {s[2]!r}\nSeed 0 twice, same reply: {s[0] == s[2]}\n"
    )


@pytest.mark.quotes("Seed 0 gives the same reply both times; seed 1 gives a different one.")
def test_same_seed_same_sample(runner):
    samples = runner.run(SNIPPET).namespace["samples"]
    assert samples[0] == samples[2] and samples[1] != samples[0]
