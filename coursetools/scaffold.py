"""Start a new lesson: `make lesson SLUG=picking-a-base-model TITLE="Picking a base model"`.

    python -m coursetools lesson --slug SLUG --title TITLE [--track N] [--order N] [--root DIR]

Creates, and never overwrites:

- docs/lessons/<slug>/index.md   the page, with front matter, every required section and markers
- docs/lessons/<slug>/terms.yml  key terms
- docs/lessons/<slug>/quiz.yml   Check yourself
- snippets/<slug>/01_tokenize_a_sentence.py  one example snippet (runs offline: a tokenizer only)
- snippets/<slug>/outputs/01_tokenize_a_sentence.md  its output, "not recorded yet" until `make outputs`
- tests/snippets/<slug>/test_01_tokenize_a_sentence.py  the claims about that snippet

and adds the page to mkdocs.yml's nav under its track, creating
the track's group when it is the track's first lesson. mkdocs.yml is edited as text, so its
comments and `!ENV` tags stay as they are. Everything the author still has to write says TODO,
and the build (coursetools.lessons) fails until no TODO is left.
"""

from __future__ import annotations

import argparse
import json
import re
import subprocess
import sys
from pathlib import Path

import yaml

from coursetools import lessondata, lessons, outputs, settings
from coursetools.models import INSTRUCT_ID
from coursetools.repo import ROOT

SNIPPET = "01_tokenize_a_sentence"


class ScaffoldError(Exception):
    pass


read_config = lessons.read_config


def existing_lessons(root: Path) -> list[dict]:
    """Front matter of every lesson page there is (pages that don't parse are skipped)."""
    found = []
    for page in sorted((root / "docs" / lessons.LESSONS_DIR).glob("*/index.md")):
        front, _, _ = lessons.split_front_matter(page.read_text(encoding="utf-8"))
        try:
            meta = yaml.safe_load(front) if front else None
        except yaml.YAMLError:
            continue
        if isinstance(meta, dict):
            found.append(meta)
    return found


def _nav_key(text: str) -> str:
    """`text` as a YAML mapping key in the nav, quoted only when it has to be."""
    try:
        if yaml.safe_load(f"- {text}: x") == [{text: "x"}]:
            return text
    except yaml.YAMLError:
        pass
    return json.dumps(text, ensure_ascii=False)


_ITEM = re.compile(r"^(?P<indent>[ ]*)- (?P<rest>.*)$")
_TRACK_GROUP = re.compile(r"^[\"']?Track (?P<track>\d+)\b")
_NUMBER = re.compile(r"^[\"']?(?P<track>\d+)\.(?P<order>\d+)\b")


def add_to_nav(text: str, track: int, order: int, entries: list[str], group_label: str) -> str:
    """mkdocs.yml's text with `entries` (`key: path` lines) added to the nav group of `track`,
    in lesson-number order; the group (`- <group_label>:`) is created when it does not exist."""
    lines = text.splitlines(keepends=True)
    try:
        start = next(i for i, line in enumerate(lines) if re.match(r"^nav:\s*(#.*)?$", line))
    except StopIteration:
        raise ScaffoldError("mkdocs.yml has no `nav:` section") from None
    # The nav's lines: everything indented under `nav:` (or its `- ` items at column 0).
    end = start + 1
    while end < len(lines) and (not lines[end].strip() or lines[end][0] in " -#"):
        end += 1
    while end > start + 1 and not lines[end - 1].strip():
        end -= 1
    top = [i for i in range(start + 1, end) if _ITEM.match(lines[i])]
    if not top:
        raise ScaffoldError("mkdocs.yml's nav is empty; add `- Home: index.md` first")
    indent = min(len(_ITEM.match(lines[i])["indent"]) for i in top)
    top = [i for i in top if len(_ITEM.match(lines[i])["indent"]) == indent]
    bounds = [*top, end]
    groups = {}
    for first, following in zip(top, bounds[1:], strict=False):
        found = _TRACK_GROUP.match(_ITEM.match(lines[first])["rest"])
        if found:
            groups[int(found["track"])] = (first, following)
    if track in groups:
        first, following = groups[track]
        children = [i for i in range(first + 1, following) if _ITEM.match(lines[i])]
        if not children:
            raise ScaffoldError(f"the nav group of track {track} has no entries to line the new one up with")
        child_indent = _ITEM.match(lines[children[0]])["indent"]
        at = max(children) + 1
        while at > first + 1 and not lines[at - 1].strip():
            at -= 1
        for i in children:
            number = _NUMBER.match(_ITEM.match(lines[i])["rest"])
            if number and (int(number["track"]), int(number["order"])) > (track, order):
                at = i
                break
        new = [f"{child_indent}- {entry}\n" for entry in entries]
    else:
        child_indent = " " * (indent + 4)
        new = [f"{' ' * indent}- {_nav_key(group_label)}:\n"] + [f"{child_indent}- {entry}\n" for entry in entries]
        before = [first for number, (first, _) in sorted(groups.items()) if number > track]
        after = [following for number, (_, following) in sorted(groups.items()) if number < track]
        if before:
            at = before[0]
        elif after:
            at = after[-1]
        else:
            at = top[1] if len(top) > 1 else end  # after the first item (Home)
        while at > start + 1 and not lines[at - 1].strip():
            at -= 1
    if at > 0 and not lines[at - 1].endswith("\n"):
        lines[at - 1] += "\n"
    return "".join(lines[:at] + new + lines[at:])


def page_text(slug: str, title: str, track: int, order: int) -> str:
    return f"""---
title: {_nav_key(title)}
track: {track}
order: {order}
summary: TODO One sentence for the lesson list on the home page.
outcome: >-
  TODO After this lesson you can … (what the reader can do or explain afterwards; shown under the
  title as "What you will learn").
---

# {title}

TODO Open with the question this lesson answers and why it matters for a fine-tune. Use each of
this lesson's key terms (terms.yml) in the text, such as the TODO key term.

Every example on this page runs as it is; copy any block into a notebook on its own.

``` {{ .python title="snippets/{slug}/{SNIPPET}.py" }}
--8<-- "{slug}/{SNIPPET}.py"
```

--8<-- "{slug}/outputs/{SNIPPET}.md"

The tokenizer splits the title into the tokens printed above.

TODO Say what the output shows, and only that, as the sentence above does: its claim test quotes
it. Then write the lesson in `## ` sections, each snippet included as above and followed by its
recorded output (`make outputs` writes it).

## TODO First section

TODO

## Key terms

<!-- course:key-terms -->

## Check yourself

<!-- course:quiz -->
"""


def terms_text(slug: str) -> str:
    return f"""{lessondata.header("terms")}
# Key terms of this lesson. Each term is defined once on the whole site, here; the site shows
# it in the lesson's Key terms list, as a tooltip wherever the term or an alias appears, and on
# the Glossary page. `id` becomes the anchor: /lessons/{slug}/#<id>. Use every term in the page.
- id: {slug}-term  # TODO an id naming the term, e.g. chat-template; kept for life
  term: TODO key term
  aliases: [TODO key terms]
  definition: >-
    TODO One or two sentences a reader can understand without the rest of the lesson.
"""


def quiz_text() -> str:
    return f"""{lessondata.header("quiz")}
# "Check yourself" for this lesson. Each question keeps its `id` for life; bump its `version`
# when you change its meaning, so readers' saved answers to that question (and only that one)
# are dropped. Text is shown as plain text; `backticks` become inline code. Exactly one option
# is `correct: true` (or set `multi: true`); don't put every correct answer in the same place.
questions:
  - id: first-question
    version: 1
    question: TODO What should a reader be able to answer after this lesson?
    options:
      - text: TODO The right answer.
        correct: true
      - text: TODO A mistake a reader might really make, as long and as qualified as the right answer.
      - text: TODO Another plausible mistake (the lint refuses quizzes passed by length or hedges).
    explanation: >-
      TODO Why the right answer is right, shown after the reader answers.

  - id: second-question
    version: 1
    question: TODO A second question.
    options:
      - text: TODO A wrong answer.
      - text: TODO The right answer.
        correct: true
      - text: TODO Another wrong answer.
    explanation: >-
      TODO Why.
"""


def snippet_text(title: str) -> str:
    # scaffold() runs `ruff format` on it: a long title must still fit the snippets' 79 columns.
    return f"""# TODO Replace this example with the first thing the lesson shows. It runs
# on its own in a fresh interpreter: real Hub ids, standard transformers calls,
# greedy decoding, no test code.
from transformers import AutoTokenizer

tokenizer = AutoTokenizer.from_pretrained(
    "{INSTRUCT_ID}"
)
tokens = tokenizer.tokenize({json.dumps(title, ensure_ascii=False)})

print(f"{{len(tokens)}} tokens:", tokens)
"""


def claim_test_text(slug: str) -> str:
    return f'''"""Claims about snippets/{slug}/{SNIPPET}.py."""

import pytest

SNIPPET = "{slug}/{SNIPPET}.py"


# Quote the sentence(s) of docs/lessons/{slug}/index.md whose claim the test holds, copied
# from the Markdown source: tests/test_claim_quotes.py fails when one is no longer on the page.
@pytest.mark.quotes("The tokenizer splits the title into the tokens printed above.")
def test_the_example_prints_its_tokens(runner):
    """TODO State the claim the page makes about this output, then assert exactly that."""
    run = runner.run(SNIPPET)
    assert run.stdout.startswith(f"{{len(run.namespace['tokens'])}} tokens:")
'''


def _format(paths: list[Path], root: Path) -> None:
    """`ruff format` the generated Python, so it passes `make test`'s format check as written
    (the snippets' 79 columns come from snippets/ruff.toml, found by ruff from each path)."""
    try:
        from ruff.__main__ import find_ruff_bin
    except ImportError:  # pragma: no cover - ruff is in requirements.txt
        return
    result = subprocess.run([find_ruff_bin(), "format", "--quiet", *map(str, paths)], cwd=root, capture_output=True)
    if result.returncode:
        print(f"make lesson: could not format the new Python files:\n{result.stderr.decode()}", file=sys.stderr)


def scaffold(root: Path, slug: str, title: str, track: int | None = None, order: int | None = None) -> list[Path]:
    """Create the lesson's files and nav entry; returns the paths written (mkdocs.yml last)."""
    title = " ".join(title.split())
    if not lessons.SLUG.match(slug):
        raise ScaffoldError(f"SLUG {slug!r} is not a lowercase-hyphen slug, e.g. picking-a-base-model")
    if not title:
        raise ScaffoldError('give the lesson a TITLE, e.g. TITLE="Picking a base model"')
    page_dir = root / "docs" / lessons.LESSONS_DIR / slug
    snippet_dir = root / "snippets" / slug
    test_dir = root / "tests" / "snippets" / slug
    taken = [p for p in (page_dir, snippet_dir, test_dir) if p.exists()]
    if taken:
        raise ScaffoldError(
            f"lesson {slug!r} already exists ({', '.join(str(p.relative_to(root)) for p in taken)}); "
            "nothing was changed. Pick another SLUG, or edit the existing lesson."
        )
    known = existing_lessons(root)
    if track is None:
        track = max((m["track"] for m in known if isinstance(m.get("track"), int)), default=1)
    if order is None:
        orders = [m["order"] for m in known if m.get("track") == track and isinstance(m.get("order"), int)]
        order = max(orders, default=0) + 1
    if track < 0 or order < 1:
        raise ScaffoldError("TRACK is a whole number ≥ 0 and ORDER a whole number ≥ 1")
    clash = [m.get("title") for m in known if m.get("track") == track and m.get("order") == order]
    if clash:
        raise ScaffoldError(f"lesson {track}.{order} is already {clash[0]!r}; pick another ORDER")

    mkdocs_yml = root / "mkdocs.yml"
    config_text = mkdocs_yml.read_text(encoding="utf-8")
    name = lessons.track_name(settings.read(mkdocs_yml).tracks, track)
    group = f"Track {track} · {name}" if name else f"Track {track}"
    number = f"{track}.{order}"
    entries = [
        f"{_nav_key(f'{number} {title}')}: {lessons.LESSONS_DIR}/{slug}/index.md",
    ]
    new_config = add_to_nav(config_text, track, order, entries, group)
    listed = lessons.nav_pages(read_config(new_config).get("nav"))
    if f"{lessons.LESSONS_DIR}/{slug}/index.md" not in listed:  # pragma: no cover - a bug in add_to_nav
        raise ScaffoldError("could not add the lesson to mkdocs.yml's nav; add it by hand")

    snippet = snippet_dir / f"{SNIPPET}.py"
    files = {
        page_dir / "index.md": page_text(slug, title, track, order),
        page_dir / "terms.yml": terms_text(slug),
        page_dir / "quiz.yml": quiz_text(),
        snippet: snippet_text(title),
        test_dir / f"test_{SNIPPET}.py": claim_test_text(slug),
    }
    for path, text in files.items():
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_text(text, encoding="utf-8")
    _format([snippet, test_dir / f"test_{SNIPPET}.py"], root)
    output = outputs.output_path(snippet)
    outputs.write(output, outputs.Recording(f"{slug}/{SNIPPET}.py", None, {}, {}, [INSTRUCT_ID]))
    mkdocs_yml.write_text(new_config, encoding="utf-8")
    return [*files, output, mkdocs_yml]


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(prog="python -m coursetools lesson", description=__doc__.split("\n")[0])
    parser.add_argument("--slug", required=True, help="folder name, e.g. picking-a-base-model")
    parser.add_argument("--title", required=True, help='page title, e.g. "Picking a base model"')
    parser.add_argument("--track", type=int, help="track number (default: the highest track there is)")
    parser.add_argument("--order", type=int, help="place in the track (default: after its last lesson)")
    parser.add_argument("--root", type=Path, default=ROOT, help="the course repository (default: this one)")
    args = parser.parse_args(argv)
    try:
        written = scaffold(args.root.resolve(), args.slug, args.title, args.track, args.order)
    except ScaffoldError as error:
        print(f"make lesson: {error}", file=sys.stderr)
        return 1
    root = args.root.resolve()
    print(f"Started lesson {args.slug!r}:")
    for path in written:
        print(f"  {path.relative_to(root)}")
    print("Next: replace every TODO (the build lists those left), then `make outputs` and `make test`.")
    print("See CONTRIBUTING.md.")
    return 0


if __name__ == "__main__":
    sys.exit(main())
