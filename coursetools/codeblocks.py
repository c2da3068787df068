"""Every code block on a page comes from snippets/: the check, with the page's own Markdown.

A block is code however it is written (a fence with any language or none, ``` or ~~~, an
indented block), so the page is rendered with the site's own Markdown extensions, with
pymdownx.snippets left out so that include lines stay visible, and every <pre> in the result
must hold nothing but `--8<-- "<lesson>/<nn>_<name>.py"` lines. Anything else is code no test
runs. A regular expression can't tell an indented code block from an admonition's body; the
parser can.
"""

from __future__ import annotations

import html
import re
from functools import lru_cache

import markdown

from coursetools.includes import include_line

_PRE = re.compile(r"<pre\b[^>]*>(.*?)</pre>", re.S)
_TAG = re.compile(r"<[^>]+>")
# Extensions MkDocs always adds to the configured ones.
_MKDOCS_BUILTINS = ("toc", "tables", "fenced_code")


def extensions_of(config: dict) -> tuple[list[str], dict]:
    """(extension names, their configs) from mkdocs.yml's `markdown_extensions`."""
    names: list[str] = list(_MKDOCS_BUILTINS)
    configs: dict = {}
    for item in config.get("markdown_extensions") or []:
        if isinstance(item, dict):
            for name, options in item.items():
                names.append(name)
                configs[name] = dict(options or {})
        else:
            names.append(str(item))
    return list(dict.fromkeys(names)), configs


@lru_cache(maxsize=4)
def _parser(names: tuple[str, ...], configs: str) -> markdown.Markdown:
    import json

    options = json.loads(configs)
    kept = [name for name in names if name != "pymdownx.snippets"]
    options.pop("pymdownx.snippets", None)
    # Highlighting stays on: without Pygments, superfences can't parse a fence's `title=`, and
    # the block would slip through as inline code.
    options.get("toc", {}).pop("permalink", None)
    return markdown.Markdown(extensions=kept, extension_configs={k: v for k, v in options.items() if k in kept})


def foreign_blocks(text: str, names: list[str], configs: dict) -> list[tuple[int, str]]:
    """(line, first line of code) of every code block in `text` that isn't only snippet includes."""
    import json

    parser = _parser(tuple(names), json.dumps(configs, sort_keys=True, default=str))
    parser.reset()
    rendered = parser.convert(text)
    lines = text.splitlines()
    found = []
    searched_from = 0
    for block in _PRE.finditer(rendered):
        code = html.unescape(_TAG.sub("", block.group(1)))
        body = [line for line in code.splitlines() if line.strip()]
        first = body[0].strip() if body else ""
        # Blocks come in page order: each is looked for after the one before, includes too.
        line = next((n for n in range(searched_from, len(lines)) if first and first in lines[n]), searched_from)
        searched_from = line + 1
        if body and all((shown := include_line(line)) and shown.kind == "snippet" for line in body):
            continue
        found.append((line + 1, first))
    return found
