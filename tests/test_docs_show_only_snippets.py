"""Nothing on a page is untested by accident: code comes from snippets/, and every snippet is shown and tested."""

from __future__ import annotations

from pathlib import Path

from coursetools import codeblocks
from coursetools.lessons import includes, read_config
from coursetools.repo import ROOT

DOCS, SNIPPETS, TESTS = ROOT / "docs", ROOT / "snippets", ROOT / "tests" / "snippets"


def _pages():
    return sorted(DOCS.rglob("*.md"))


def test_every_code_block_on_a_page_is_a_snippet_include():
    """The build refuses anything else (coursetools.lessons); this names every offender at once."""
    names, configs = codeblocks.extensions_of(read_config((ROOT / "mkdocs.yml").read_text()))
    offenders = [
        f"{page.relative_to(ROOT)}:{line}: {first}"
        for page in _pages()
        for line, first in codeblocks.foreign_blocks(page.read_text(), names, configs)
    ]
    assert not offenders, "code no test runs (move it into snippets/<lesson>/ and include it):\n" + "\n".join(offenders)


def test_every_snippet_is_shown_on_a_page():
    shown = {include.target for page in _pages() for include in includes(page.read_text())}
    unshown = [str(p.relative_to(ROOT)) for p in SNIPPETS.glob("*/*.py") if str(p.relative_to(SNIPPETS)) not in shown]
    assert not unshown, f"snippets no page includes (include them, or delete them): {unshown}"


def test_every_shown_snippet_is_followed_by_its_recorded_output():
    missing = []
    for page in _pages():
        shown = [include.target for include in includes(page.read_text())]
        for index, target in enumerate(shown):
            if target.endswith(".py"):
                output = str(Path(target).parent / "outputs" / (Path(target).stem + ".md"))
                if output not in shown[index + 1 : index + 2]:
                    missing.append(f"{page.relative_to(ROOT)}: {target} -> {output}")
    assert not missing, f"include each snippet's output right under it: {missing}"


def test_every_snippet_has_a_test_module_at_the_mirrored_path():
    missing = [
        f"tests/snippets/{p.parent.name}/test_{p.name}"
        for p in SNIPPETS.glob("*/*.py")
        if not (TESTS / p.parent.name / f"test_{p.name}").is_file()
    ]
    assert not missing, f"write the claims each snippet's page makes in: {missing}"
