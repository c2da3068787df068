import re


def follows_the_format(reply):
    """A rule-based judge: True if the reply is exactly the format."""
    return re.fullmatch(r"The answer is -?\d+\.", reply.strip()) is not None


for reply in [
    "The answer is 8.",
    "The answer is 8",
    "The answer is eight.",
    "3 + 5 = 8",
    "The answer is 8. Easy!",
    "The answer is 3.",
]:
    print(f"{follows_the_format(reply)!s:5}  {reply!r}")
