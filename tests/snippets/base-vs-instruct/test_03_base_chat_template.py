"""Claims about snippets/base-vs-instruct/03_base_chat_template.py.

The page makes no claim about what the base ships: it shows the recorded printout, which only the
real base can produce. Here we hold the snippet to printing exactly what its two lines say.
"""

import pytest

SNIPPET = "base-vs-instruct/03_base_chat_template.py"


@pytest.mark.quotes(
    "Some base repositories ship a template in their tokenizer files anyway, so check rather than assume; a template the model never saw in training is only formatting to it:"
)
def test_prints_exactly_what_the_tokenizers_ship(runner):
    run = runner.run(SNIPPET)
    base, instruct = run.namespace["base"], run.namespace["instruct"]
    assert run.stdout == (
        f"Base tokenizer ships a chat template: {base.chat_template is not None}\n"
        f"Same template as the instruct model:  {base.chat_template == instruct.chat_template}\n"
    )


@pytest.mark.quotes("Here is SmolLM2-135M-Instruct's, as its tokenizer ships it:")
def test_instruct_tokenizer_carries_a_template(runner):
    assert runner.run(SNIPPET).namespace["instruct"].chat_template
