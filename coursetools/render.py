"""What the build generates for pages beside the widgets (coursetools/widgets.py): term tooltips,
install lines, Colab links, the notebook pages, lazy figures and the inline course manifest."""

from __future__ import annotations

import html
import re
from pathlib import Path

from .lessons import Lesson, Term

_CODE = re.compile(r"`([^`]+)`")


def plain_text(text: str) -> str:
    """Text for a title attribute (tooltips): no markup at all."""
    return _CODE.sub(r"\1", text)


def abbreviations(terms: list[Term]) -> str:
    """Markdown abbreviation lines (pymdownx/abbr) so every use of a term shows its definition."""
    lines = []
    for term in terms:
        for name in dict.fromkeys([term.term, *term.aliases]):
            lines.append(f"*[{name}]: {plain_text(term.definition)}")
    # One block per definition: Python-Markdown's abbr processor takes one definition per pass
    # and re-tests the rest of its block, so one long block costs O(n²) per page.
    return "\n\n".join(lines)


# Where a reader's torch comes from. PyPI's torch for Linux is the CUDA build, which brings
# gigabytes of NVIDIA libraries a laptop CPU never uses (tools/install_sizes.py measures them);
# PyTorch's CPU index has the same version built for CPUs only (`2.13.0+cpu`, which pip prefers
# to PyPI's `2.13.0` when both match `torch==2.13.0`). On macOS and Windows, PyPI's torch is
# already CPU-only and pip takes it as before. The tests' torch is this CPU build.
CPU_TORCH_INDEX = "https://download.pytorch.org/whl/cpu"


def install_command(root: Path, packages: list[str]) -> str:
    """`pip install` of the reader's packages at the versions pinned in requirements*.txt, so the
    line a reader copies installs what printed the outputs they read; torch from PyTorch's CPU
    index (CPU_TORCH_INDEX)."""
    pins: dict[str, str] = {}
    for requirements in sorted(root.glob("requirements*.txt")):
        for line in requirements.read_text(encoding="utf-8").splitlines():
            pinned = re.match(r"^\s*([A-Za-z0-9_.-]+)\s*==\s*([^\s;#]+)", line)
            if pinned:
                pins[pinned.group(1).lower()] = pinned.group(2)
    missing = [name for name in packages if name.lower() not in pins]
    if missing:
        raise ValueError(f"{missing} must be pinned in requirements.txt (`name==version`) to be installed")
    index = f"--extra-index-url {CPU_TORCH_INDEX} " if "torch" in (name.lower() for name in packages) else ""
    return f"pip install {index}" + " ".join(f"{name}=={pins[name.lower()]}" for name in packages)


def lesson_install(root: Path, course_packages: list[str], lesson: Lesson) -> str:
    """What a lesson installs (its page's install line, its notebook's first cell): the course's
    packages and those its front matter `requires` (say `requires: [peft, trl]`), all pinned.
    The one source: tests check it brings every library the lesson's snippets import."""
    extra = [str(name) for name in lesson.meta.get("requires") or []]
    return install_command(root, list(dict.fromkeys([*course_packages, *extra])))


def installs(root: Path, config_path: Path, course_packages: list[str], lessons: list[Lesson]) -> dict[str, str]:
    """Each lesson's install command by slug, and the home page's (every lesson's packages) under
    "": a ValueError names the file and line to fix when a package isn't pinned."""
    try:
        install_command(root, course_packages)
    except ValueError as error:
        raise ValueError(f"{config_path.relative_to(root)}: plugins: course: install: {error}") from None
    commands = {}
    for lesson in lessons:
        try:
            commands[lesson.slug] = lesson_install(root, course_packages, lesson)
        except ValueError as error:
            where = f"{lesson.page.relative_to(root)}:{lesson.meta_line('requires')}"
            raise ValueError(f"{where}: `requires`: {error}") from None
    every = [*course_packages, *(str(name) for lesson in lessons for name in lesson.meta.get("requires") or [])]
    commands[""] = install_command(root, list(dict.fromkeys(every)))
    return commands


def install_block(command: str) -> str:
    """The command as a shell block, one package per line: on a phone a one-line command hides
    all but its first packages under the copy button. The shell joins `\\`-ended lines."""
    words = command.removeprefix("pip install ").split()
    # An option and its value stay on one line: `--extra-index-url URL`.
    packages = [
        f"{w} {words[i + 1]}" if w.startswith("--") else w
        for i, w in enumerate(words)
        if i == 0 or not words[i - 1].startswith("--")
    ]
    lines = ["pip install", *packages] if len(packages) > 1 else [command]
    return '```bash title="Install"\n' + " \\\n    ".join(lines) + "\n```"


_GITHUB_EDIT = re.compile(r"^https://github\.com/([^/]+)/([^/]+)/edit/([^/]+)/(.*?)/?$")


def colab_url(edit_uri: str | None, src_uri: str) -> str | None:
    """Colab's address for a file of the docs folder, from the site's edit_uri (the one place that
    names the repository and branch), or None when the site doesn't know its GitHub repository."""
    found = _GITHUB_EDIT.match(edit_uri or "")
    if not found:
        return None
    owner, repo, branch, docs = found.groups()
    return f"https://colab.research.google.com/github/{owner}/{repo}/blob/{branch}/{docs}/{src_uri}"


_NOTEBOOK_CODE = re.compile(r'<div class="(highlight-ipynb[^"]*)"><pre>(.*?)(</pre>)', re.S)
# What mkdocs-jupyter puts around a notebook and Material already gives every page, or that no
# lesson notebook uses: its inline stylesheets (570 kB, mostly JupyterLab's own UI, and its code
# colours fall below 4.5:1 contrast), its scripts (clipboard, MathJax, Mermaid, RequireJS), and
# its own copy button on every cell beside Material's, with the hidden copy of the cell's text.
_NOTEBOOK_DROP = re.compile(
    r"<style\b[^>]*>.*?</style>\s*"
    r"|<script\b[^>]*>.*?</script>\s*"
    r'|<div class="zeroclipboard-container">.*?</clipboard-copy>\s*</div>\s*'
    r'|<div class="clipboard-copy-txt"[^>]*>.*?</div>\s*',
    re.S,
)
_NOTEBOOK_IMAGE = re.compile(r'<img alt="[^"]*" class="" src="data:image/png;base64,([^"]+)"')
_NO_DESCRIPTION = "No description has been provided for this image"


def notebook_page(filename: str, html_text: str, alts: dict[str, str] | None = None) -> str:
    """The rendered notebook with a download button, and its code cells as `pre > code`, which is
    what Material gives a copy button to (mkdocs-jupyter writes a bare `pre`) and colours as it
    colours a lesson's code. `alts` maps a figure's base64 PNG to the alt text the lesson gives
    it (notebook_alts); the notebook's images get it instead of nbconvert's placeholder."""
    html_text = _NOTEBOOK_DROP.sub("", html_text)
    # A cell's source is not a widget: keyboard focus goes to the links, buttons and the
    # outputs that scroll, not to every block of text.
    html_text = html_text.replace(
        '<div class="jp-Cell-inputWrapper" tabindex="0">', '<div class="jp-Cell-inputWrapper">'
    )
    # A heading's link styled as Material's own (shown on hover or focus), not a bare pilcrow.
    html_text = html_text.replace('<a class="anchor-link" href=', '<a class="headerlink" href=')
    # Material names a block after the nearest id, and mkdocs-jupyter's cell ids ("cell-id=…")
    # are not valid in a CSS selector: each block gets an id of its own. A cell's code scrolls
    # sideways on a phone, so it takes keyboard focus as a lesson's code does.
    count = iter(range(1_000_000))
    cells = _NOTEBOOK_CODE.sub(
        lambda m: (
            f'<div class="highlight {m.group(1)}"><pre id="nb-{next(count)}"><code tabindex="0">{m.group(2)}</code>{m.group(3)}'
        ),
        html_text,
    )

    def image(match: re.Match) -> str:
        alt = (alts or {}).get(match.group(1), _NO_DESCRIPTION)
        return f'<img alt="{html.escape(alt)}" loading="lazy" decoding="async" src="data:image/png;base64,{match.group(1)}"'

    cells = _NOTEBOOK_IMAGE.sub(image, cells)
    download = f'<a class="md-button course-notebook-download" href="{filename}" download>Download the notebook</a>'
    return f"<p>{download}</p>{cells}"


def notebook_alts(notebook_json: str) -> dict[str, str]:
    """Each PNG a notebook displays (base64, as the page embeds it) -> the alt text beside it,
    which coursetools.notebook writes from the lesson's figure (its text/plain)."""
    import json

    alts = {}
    for cell in json.loads(notebook_json).get("cells", []):
        for output in cell.get("outputs", []):
            data = output.get("data", {})
            png, text = data.get("image/png"), data.get("text/plain")
            if png and text:
                png = "".join(png) if isinstance(png, list) else png
                text = "".join(text) if isinstance(text, list) else text
                alts["".join(png.split())] = text
    return alts


_FIGURE = re.compile(r'<img (?=[^>]*class="course-figure")(?![^>]*loading=)')


def lazy_figures(html_text: str) -> str:
    """A recorded figure comes after the code and output that drew it, below the fold: the
    browser fetches it when the reader gets near it. Its width and height (from the recording)
    keep its place meanwhile. The recording's own text is untouched."""
    return _FIGURE.sub('<img loading="lazy" decoding="async" ', html_text)


_ABBR = re.compile(r'<abbr title="([^"]*)">([^<]*)</abbr>')


def first_tooltips(html_text: str) -> str:
    """Each term's tooltip on its first use on the page only; later uses are plain text. Every
    tooltip is a component Material sets up on a phone's main thread: lesson 2.1 had 93 of them
    (36 terms) and Lighthouse's mobile performance counted their set-up as blocking time."""
    seen: set[str] = set()

    def once(match: re.Match) -> str:
        if match.group(1) in seen:
            return match.group(2)
        seen.add(match.group(1))
        return match.group(0)

    return _ABBR.sub(once, html_text)


# Pygments' tokens that Material draws in the code's own colour (`n`, a name, is
# `--md-code-hl-name-color: var(--md-code-fg-color)`) or not at all (`w`, whitespace).
_PLAIN_TOKEN = re.compile(r'<span class="[nw]">([^<]*)</span>')
_PRE = re.compile(r"<pre((?: id=\"[^\"]*\")?)>(.*?)</pre>", re.DOTALL)  # pages' and notebooks' blocks


def light_code(html_text: str) -> str:
    """Code blocks a phone lays out faster, looking and copying the same.

    - Tokens drawn in plain text's colour lose their `<span>`: on lesson 2.1 a quarter of the
      page's elements were such spans.
    - Each `<pre>` says how many lines it has (`--course-lines`), so course.css can give a block
      the browser hasn't laid out yet (`content-visibility: auto`, below the fold) its height.
    """

    def pre(match: re.Match) -> str:
        inner = _PLAIN_TOKEN.sub(r"\1", match.group(2))
        return f'<pre{match.group(1)} style="--course-lines:{inner.count(chr(10))}">{inner}</pre>'

    return _PRE.sub(pre, html_text)


def inline_manifest(manifest_json: str) -> str:
    """The course manifest (coursetools.progress) in a hidden element's attribute, which
    progress.js reads before any fetch. Not a `<script type="application/json">`: Material's
    instant navigation re-creates the scripts of a page it swaps in, without their type, and the
    browser would run the JSON as code."""
    return f'<div hidden data-course-manifest="{html.escape(manifest_json, quote=True)}"></div>'
