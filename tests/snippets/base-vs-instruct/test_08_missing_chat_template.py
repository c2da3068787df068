"""Claims about snippets/base-vs-instruct/08_missing_chat_template.py."""

SNIPPET = "base-vs-instruct/08_missing_chat_template.py"


def test_tokenizer_without_template_raises_value_error(runner):
    printed = runner.run(SNIPPET).stdout
    assert printed.startswith("ValueError: ")
    assert "chat_template is not set" in printed
