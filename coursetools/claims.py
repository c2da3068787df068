"""Claim tests and the page they hold, kept linked: `python -m coursetools claims`.

Every test function in tests/snippets/<slug>/ is a claim test. It names the sentence(s) of
docs/lessons/<slug>/index.md whose claim it holds, copied from the Markdown source:

    @pytest.mark.quotes("Every reply is now in the format, and most are right.")
    def test_every_reply_is_in_the_format(runner): ...

`problems()` lists each claim test with no quote, and each quote that is no longer on its page
(whitespace is collapsed before comparing; Markdown markup stays as in the source), so editing
a claim in prose forces a look at its test, and the other way round. tests/test_claim_quotes.py
fails on them.

`unquoted()` is the reviewer's side: the paragraphs of each lesson that state something about a
model (a number, a model's name, what a block prints) and that no claim test quotes. Some are
fine (a number from the code, an arithmetic rule); each is worth a look. It is a report, not a
failure: the command prints it, and so does pytest's summary for the lessons whose claim tests
ran.

The tests are read as source (ast), not imported: no model, no torch, and a test file that
doesn't import is still checked.
"""

from __future__ import annotations

import ast
import re
from dataclasses import dataclass
from pathlib import Path

from coursetools.lessons import KEY_TERMS_MARKER, LESSONS_DIR, Problem, split_front_matter
from coursetools.models import BASE_ID, INSTRUCT_ID
from coursetools.repo import ROOT

MARK = "quotes"
FIX_ADD = (
    'decorate it with @pytest.mark.quotes("…"), quoting the sentence(s) of {page} whose claim it '
    "holds, copied from the Markdown source (CONTRIBUTING.md, Claim tests)"
)
FIX_GONE = (
    "the page changed: read the sentence that replaced it, make the test hold what it says now, "
    "and copy it into the marker; if the page no longer makes the claim, change or delete the test"
)
# What makes a paragraph a statement about a model, for the report: a model's name, a number,
# or words about what a block printed. Lesson and track numbers ("lesson 1.2") are not numbers
# about a model.
MODEL_NAMES = sorted({repo.split("/")[-1] for repo in (INSTRUCT_ID, BASE_ID)}, key=len, reverse=True)
_NOT_A_NUMBER = re.compile(r"\b(?:lessons?|tracks?)\s+\d+(?:\.\d+)?|\]\([^)]*\)|`[^`]*`|\bSmolLM2[-\w]*", re.I)
NUMBER = re.compile(r"(?<![\w.])\d(?:[\d,]*\d)?(?:\.\d+)?%?")
PRINTED = re.compile(r"\b(?:prints?|printed|the output)\b", re.I)


def collapse(text: str) -> str:
    return " ".join(text.split())


@dataclass
class ClaimTest:
    path: Path  # tests/snippets/<slug>/test_<nn>_<name>.py
    line: int
    name: str
    slug: str
    quotes: list[str]  # [] when the test has no marker or an empty one
    bad: list[str]  # arguments of the marker that aren't plain strings, as written

    @property
    def page(self) -> Path:
        return self.path.parents[3] / "docs" / LESSONS_DIR / self.slug / "index.md"


def _mark_name(node: ast.expr) -> str | None:
    """`quotes` for `@pytest.mark.quotes(...)` or `@mark.quotes(...)`."""
    if isinstance(node, ast.Call) and isinstance(node.func, ast.Attribute):
        owner = node.func.value
        if (isinstance(owner, ast.Attribute) and owner.attr == "mark") or (
            isinstance(owner, ast.Name) and owner.id == "mark"
        ):
            return node.func.attr
    return None


def _marker_calls(tree: ast.Module) -> list[ast.Call]:
    """Module-level `pytestmark = pytest.mark.quotes(...)` (or a list of marks)."""
    calls = []
    for node in tree.body:
        if isinstance(node, ast.Assign) and any(isinstance(t, ast.Name) and t.id == "pytestmark" for t in node.targets):
            values = node.value.elts if isinstance(node.value, (ast.List, ast.Tuple)) else [node.value]
            calls += [v for v in values if _mark_name(v) == MARK]
    return calls


def _test_functions(tree: ast.Module):
    """(function, extra marker calls from its class) for every test pytest would collect."""
    for node in tree.body:
        if isinstance(node, (ast.FunctionDef, ast.AsyncFunctionDef)) and node.name.startswith("test"):
            yield node, []
        elif isinstance(node, ast.ClassDef) and node.name.startswith("Test"):
            inherited = [d for d in node.decorator_list if _mark_name(d) == MARK]
            for item in node.body:
                if isinstance(item, (ast.FunctionDef, ast.AsyncFunctionDef)) and item.name.startswith("test"):
                    yield item, inherited


def claim_tests(root: Path = ROOT) -> list[ClaimTest]:
    found = []
    base = root / "tests" / "snippets"
    for path in sorted(base.glob("*/test_*.py")):
        tree = ast.parse(path.read_text(encoding="utf-8"), filename=str(path))
        module_marks = _marker_calls(tree)
        for function, inherited in _test_functions(tree):
            calls = [d for d in function.decorator_list if _mark_name(d) == MARK] + inherited + module_marks
            quotes, bad = [], []
            for call in calls:
                for argument in call.args:
                    try:
                        value = ast.literal_eval(argument)
                    except ValueError:
                        value = None
                    if isinstance(value, str) and value.strip():
                        quotes.append(value)
                    else:
                        bad.append(ast.unparse(argument))
            found.append(ClaimTest(path, function.lineno, function.name, path.parent.name, quotes, bad))
    return found


def problems(root: Path = ROOT) -> list[Problem]:
    """Each claim test that quotes nothing, and each quote that is not on its page."""
    found: list[Problem] = []
    pages: dict[Path, str | None] = {}
    for test in claim_tests(root):
        page = test.page
        shown = page.relative_to(root)
        if page not in pages:
            pages[page] = collapse(page.read_text(encoding="utf-8")) if page.is_file() else None
        text = pages[page]
        where = test.name
        if text is None:
            found.append(
                Problem(
                    test.path,
                    test.line,
                    f"{where} holds claims of {shown}, which does not exist",
                    "move the test to tests/snippets/<slug>/ of the lesson it tests, or delete it",
                )
            )
            continue
        for argument in test.bad:
            found.append(
                Problem(
                    test.path,
                    test.line,
                    f"{where}: @pytest.mark.quotes({argument}) is not a sentence written out",
                    "give the marker the sentences themselves, as string literals, so they can be checked",
                )
            )
        if not test.quotes and not test.bad:
            found.append(
                Problem(
                    test.path,
                    test.line,
                    f"{where} quotes no sentence of {shown}",
                    FIX_ADD.format(page=shown),
                )
            )
        for quote in test.quotes:
            if collapse(quote) not in text:
                short = collapse(quote)
                short = short if len(short) <= 90 else short[:87] + "..."
                found.append(
                    Problem(
                        test.path,
                        test.line,
                        f"{where} quotes a sentence that is no longer on {shown}: {short!r}",
                        FIX_GONE,
                    )
                )
    return found


@dataclass
class Paragraph:
    page: Path
    line: int
    text: str  # collapsed
    reasons: list[str]


def paragraphs(page: Path) -> list[tuple[int, str]]:
    """(line, text) of each prose paragraph or list item of a lesson, before its Key terms:
    no headings, includes, code fences, HTML comments or admonition titles."""
    front, body, start = split_front_matter(page.read_text(encoding="utf-8"))
    body = body.split(KEY_TERMS_MARKER)[0]
    found: list[tuple[int, str]] = []
    current: list[str] = []
    first = 0
    fence = None

    def close():
        if current:
            found.append((first, collapse(" ".join(current))))
            current.clear()

    for number, raw in enumerate(body.splitlines(), start):
        line = raw.strip()
        if fence:
            if line.startswith(fence):
                fence = None
            continue
        opening = re.match(r"(`{3,}|~{3,})", line)
        if opening:
            close()
            fence = opening.group(1)
            continue
        if not line or line.startswith(("#", "--8<--", "<!--", "!!!", "???")):
            close()
            continue
        if re.match(r"(?:[-*+]|\d+\.)\s", line):  # a list item starts a unit of its own
            close()
        if not current:
            first = number
        current.append(line)
    close()
    return found


def unquoted(root: Path = ROOT, slugs: set[str] | None = None) -> list[Paragraph]:
    """Paragraphs that state something about a model and that no claim test quotes."""
    quotes: dict[str, list[str]] = {}
    for test in claim_tests(root):
        quotes.setdefault(test.slug, []).extend(collapse(q) for q in test.quotes)
    found = []
    for page in sorted((root / "docs" / LESSONS_DIR).glob("*/index.md")):
        slug = page.parent.name
        if slugs is not None and slug not in slugs:
            continue
        held = quotes.get(slug, [])
        for line, text in paragraphs(page):
            if any(q in text or text in q for q in held):
                continue
            reasons = []
            names = [name for name in MODEL_NAMES if name in text]
            if names:
                reasons.append(f"names {names[0]}")
            prose = _NOT_A_NUMBER.sub(" ", re.sub(r"^(?:[-*+]|\d+\.)\s", "", text))
            numbers = NUMBER.findall(prose)
            if numbers:
                reasons.append("numbers " + ", ".join(dict.fromkeys(numbers)))
            if PRINTED.search(text):
                reasons.append("says what a block prints")
            if reasons:
                found.append(Paragraph(page, line, text, reasons))
    return found


def report(root: Path = ROOT, slugs: set[str] | None = None) -> list[str]:
    lines = []
    for paragraph in unquoted(root, slugs):
        text = paragraph.text if len(paragraph.text) <= 100 else paragraph.text[:97] + "..."
        lines.append(f"{paragraph.page.relative_to(root)}:{paragraph.line}: {'; '.join(paragraph.reasons)}")
        lines.append(f"    {text}")
    return lines


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(prog="python -m coursetools claims", description=__doc__.split("\n")[0])
    parser.add_argument("slugs", nargs="*", help="lessons to report on (default: every lesson)")
    slugs = set(parser.parse_args(argv).slugs) or None
    listing = report(ROOT, slugs)
    print(
        f"Paragraphs that state something about a model and that no claim test quotes: {len(listing) // 2}\n"
        "(read each: quote it from the claim test that holds it, write the test, or leave it if it is\n"
        "not a claim about a model's behaviour)\n"
    )
    print("\n".join(listing), flush=True)
    broken = problems(ROOT)
    if broken:
        print(f"\n{len(broken)} claim test(s) not linked to their page:")
        print("\n".join(str(p) for p in broken))
    return 1 if broken else 0


if __name__ == "__main__":
    raise SystemExit(main())
