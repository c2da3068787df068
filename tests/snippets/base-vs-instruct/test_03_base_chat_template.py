"""Claims about snippets/base-vs-instruct/03_base_chat_template.py.

The page makes no claim about what the base ships: it shows the recorded printout, which only the
real base can produce. Here we hold the snippet to printing exactly what its two lines say.
"""

SNIPPET = "base-vs-instruct/03_base_chat_template.py"


def test_prints_exactly_what_the_tokenizers_ship(runner):
    run = runner.run(SNIPPET)
    base, instruct = run.namespace["base"], run.namespace["instruct"]
    assert run.stdout == (
        f"Base tokenizer ships a chat template: {base.chat_template is not None}\n"
        f"Same template as the instruct model:  {base.chat_template == instruct.chat_template}\n"
    )


def test_instruct_tokenizer_carries_a_template(runner):
    assert runner.run(SNIPPET).namespace["instruct"].chat_template
