"""Claims about snippets/picking-a-base-model/01_read_the_license.py.

The snippet reads the Hub, so its output is recorded where the Hub is reachable and these tests
skip elsewhere. The page names no license for SmolLM2 in its prose: the recorded output shows it.
"""

import pytest

SNIPPET = "picking-a-base-model/01_read_the_license.py"

# The licenses the page calls permissive, as the Hub's `license` field spells them.
PERMISSIVE = {"apache-2.0", "mit", "bsd-3-clause"}


@pytest.mark.quotes(
    "The Hub keeps the license in the model card's metadata: the `license` field, shown at the top of the model page."
)
def test_prints_exactly_the_card_fields(runner, hub):
    run = runner.run(SNIPPET)
    info = run.namespace["info"]
    assert run.stdout == (
        f"License on the model card: {info.card_data.license}\nGated (accept terms before download): {info.gated}\n"
    )


@pytest.mark.quotes(
    "Find the value the block prints in this list: it tells you what you may do with a fine-tune of SmolLM2-135M-Instruct."
)
def test_license_is_one_the_page_calls_permissive(runner, hub):
    """The page has the reader look the printed value up in its list, and picks SmolLM2-135M-Instruct
    as a model you may ship a fine-tune of: the value must be one of the permissive ones."""
    info = runner.run(SNIPPET).namespace["info"]
    assert info.card_data.license in PERMISSIVE
