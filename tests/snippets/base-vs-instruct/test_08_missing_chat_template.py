"""Claims about snippets/base-vs-instruct/08_missing_chat_template.py."""

import pytest

SNIPPET = "base-vs-instruct/08_missing_chat_template.py"


@pytest.mark.quotes(
    "When a tokenizer has no template at all, `apply_chat_template` refuses with the error you will meet sooner or later:"
)
def test_tokenizer_without_template_raises_value_error(runner):
    printed = runner.run(SNIPPET).stdout
    assert printed.startswith("ValueError: ")
    assert "chat_template is not set" in printed
