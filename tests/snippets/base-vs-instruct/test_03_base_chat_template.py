"""Claims about snippets/base-vs-instruct/03_base_chat_template.py."""

SNIPPET = "base-vs-instruct/03_base_chat_template.py"


def test_prints_what_the_real_base_tokenizer_ships(runner, real_base):
    """The page shows whether the real base ships a template: the printout must match the files."""
    run = runner.run(SNIPPET)
    base, instruct = run.namespace["base"], run.namespace["instruct"]
    assert run.stdout.splitlines() == [
        f"Base tokenizer ships a chat template: {base.chat_template is not None}",
        f"Same template as the instruct model:  {base.chat_template == instruct.chat_template}",
    ]


def test_instruct_tokenizer_carries_a_template(runner):
    assert runner.run(SNIPPET).namespace["instruct"].chat_template
