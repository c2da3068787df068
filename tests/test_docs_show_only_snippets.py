"""Nothing on a page is untested by accident: code comes from snippets/, and every snippet is shown and tested."""

from __future__ import annotations

import re
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
DOCS, SNIPPETS, TESTS = ROOT / "docs", ROOT / "snippets", ROOT / "tests" / "snippets"
FENCE = re.compile(
    r"^(?P<indent>[ \t]*)(?P<fence>`{3,}|~{3,})(?P<info>[^\n]*)\n(?P<body>.*?)^(?P=indent)(?P=fence)[ \t]*$",
    re.M | re.S,
)
INCLUDE_LINE = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"\s*$')
INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"', re.M)


def _pages():
    return sorted(DOCS.rglob("*.md"))


def _is_python(info: str) -> bool:
    return bool(re.search(r"(^|[\s{.])(python|py|python3)\b", info))


def test_python_on_pages_is_only_included_from_snippets():
    offenders = []
    for page in _pages():
        for block in FENCE.finditer(page.read_text()):
            lines = [line for line in block["body"].splitlines() if line.strip()]
            if _is_python(block["info"]) and not all(INCLUDE_LINE.match(line) for line in lines):
                line = page.read_text().count("\n", 0, block.start()) + 1
                offenders.append(f"{page.relative_to(ROOT)}:{line}")
    assert not offenders, (
        "Python written inline on a page (move it into snippets/<lesson>/ and include it with --8<--): "
        + ", ".join(offenders)
    )


def test_every_snippet_is_shown_on_a_page():
    shown = {m.group(1).split(":")[0] for page in _pages() for m in INCLUDE.finditer(page.read_text())}
    unshown = [str(p.relative_to(ROOT)) for p in SNIPPETS.glob("*/*.py") if str(p.relative_to(SNIPPETS)) not in shown]
    assert not unshown, f"snippets no page includes (include them, or delete them): {unshown}"


def test_every_shown_snippet_is_followed_by_its_recorded_output():
    missing = []
    for page in _pages():
        includes = [m.group(1) for m in INCLUDE.finditer(page.read_text())]
        for index, target in enumerate(includes):
            if target.endswith(".py"):
                output = str(Path(target).parent / "outputs" / (Path(target).stem + ".md"))
                if output not in includes[index + 1 : index + 2]:
                    missing.append(f"{page.relative_to(ROOT)}: {target} -> {output}")
    assert not missing, f"include each snippet's output right under it: {missing}"


def test_every_snippet_has_a_test_module_at_the_mirrored_path():
    missing = [
        f"tests/snippets/{p.parent.name}/test_{p.name}"
        for p in SNIPPETS.glob("*/*.py")
        if not (TESTS / p.parent.name / f"test_{p.name}").is_file()
    ]
    assert not missing, f"write the claims each snippet's page makes in: {missing}"
