"""Lessons as data: front matter, key terms and quiz, loaded and validated in one place.

The build (coursetools.hooks) and the tests both go through `load_course()`, so a lesson that
the tests accept is exactly a lesson that builds. Every problem names its file and line and
says how to fix it; all problems are collected before anything is reported.

What a lesson is made of, and how to write one, is in CONTRIBUTING.md.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path

import yaml

from coursetools import lessondata

ROOT = Path(__file__).resolve().parent.parent
LESSONS_DIR = "lessons"
REQUIRED_HEADINGS = ("Key terms", "Check yourself")
KEY_TERMS_MARKER = "<!-- course:key-terms -->"
QUIZ_MARKER = "<!-- course:quiz -->"
# Each marker must sit in its section: the hooks replace it with the rendered list or quiz.
MARKER_SECTIONS = {KEY_TERMS_MARKER: "Key terms", QUIZ_MARKER: "Check yourself"}
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# A pymdownx.snippets include line, `--8<-- "lesson/01_name.py"`; group 1 is the path.
INCLUDE = re.compile(r"""^[ \t]*-+8<-+[ \t]+["']([^"'\n]+)["']""", re.M)
SNIPPET_NAME = re.compile(r"^\d{2}_[a-z0-9]+(?:_[a-z0-9]+)*\.py$")
TODO = re.compile(r"\bTODO\b")
FENCE = re.compile(r"^[ \t]*(`{3,}|~{3,})")
HEADING = re.compile(r"^(#{1,6})[ \t]+(.+?)[ \t]*#*[ \t]*$")


@dataclass
class Problem:
    path: Path
    line: int
    message: str
    fix: str

    def __str__(self) -> str:
        try:
            shown = self.path.relative_to(ROOT)
        except ValueError:
            shown = self.path
        return f"{shown}:{self.line}: {self.message}\n    fix: {self.fix}"


class LessonError(Exception):
    """Raised with every problem found, so one run reports them all."""

    def __init__(self, problems: list[Problem]):
        self.problems = problems
        listing = "\n".join(str(p) for p in problems)
        super().__init__(f"{len(problems)} problem(s) in the course content:\n{listing}")


@dataclass
class Term:
    id: str
    term: str
    definition: str
    aliases: list[str]
    lesson: Lesson
    line: int = 1

    @property
    def names(self) -> list[str]:
        """The term and its aliases: every wording the page may use."""
        return list(dict.fromkeys([self.term, *self.aliases]))


@dataclass
class Option:
    text: str
    correct: bool
    line: int = 1


@dataclass
class Question:
    id: str
    version: int
    question: str
    options: list[Option]
    explanation: str
    multi: bool = False
    line: int = 1


@dataclass
class Lesson:
    slug: str
    folder: Path
    meta: dict
    body: str
    body_start_line: int
    terms: list[Term] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)
    meta_lines: dict[str, int] = field(default_factory=dict)

    @property
    def page(self) -> Path:
        return self.folder / "index.md"

    @property
    def src_uri(self) -> str:
        """The page's path inside docs/, as mkdocs.yml's nav names it."""
        return f"{LESSONS_DIR}/{self.slug}/index.md"

    @property
    def number(self) -> str:
        return f"{self.meta.get('track', '?')}.{self.meta.get('order', '?')}"

    @property
    def title(self) -> str:
        return str(self.meta.get("title", self.slug))

    def meta_line(self, key: str) -> int:
        """The page line of a front matter key (line 1, the opening `---`, when it is absent)."""
        return self.meta_lines.get(key, 1)

    def body_line(self, offset: int) -> int:
        """The page line of a character offset into the body."""
        return self.body_start_line + self.body.count("\n", 0, offset)


def track_name(tracks: dict, track: int) -> str:
    """The name of a track from `extra.course.tracks` in mkdocs.yml ("" when it has none). The
    keys there are strings ("1": …), since a config read by another engine as TOML or JSON can
    only have string keys; whole-number keys work too."""
    return str(tracks.get(str(track)) or tracks.get(track) or "")


class _ConfigLoader(yaml.SafeLoader):
    """Reads mkdocs.yml without resolving its tags (`!ENV [NAME, default]` gives the default)."""


def _any_tag(loader, suffix, node):
    if isinstance(node, yaml.SequenceNode):
        values = loader.construct_sequence(node)
        return values[-1] if values else None
    if isinstance(node, yaml.MappingNode):
        return loader.construct_mapping(node)
    return loader.construct_scalar(node)


_ConfigLoader.add_multi_constructor("!", _any_tag)
_ConfigLoader.add_multi_constructor("tag:", _any_tag)


def read_config(text: str) -> dict:
    """mkdocs.yml as data, tags left unresolved (no MkDocs needed)."""
    return yaml.load(text, Loader=_ConfigLoader) or {}


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Returns (front matter, body, line where the body starts)."""
    match = re.match(r"^---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", text, re.S | re.M)
    if not match:
        return "", text, 1
    return match.group(1), text[match.end() :], match.group(0).count("\n") + 1


def _fold(value) -> str:
    """Written text folded to one line of single spaces ('' for anything that isn't text)."""
    return " ".join(value.split()) if isinstance(value, str) else ""


def _whole(value) -> int | None:
    """A number the schema accepted as whole (`2`, or `2.0`) as an int, else None."""
    if isinstance(value, (int, float)) and not isinstance(value, bool) and float(value).is_integer():
        return int(value)
    return None


def _read_yaml(path: Path, problems: list[Problem]) -> lessondata.Data | None:
    """The file's data, or None after reporting a syntax error."""
    try:
        return lessondata.parse(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = " ".join(str(getattr(error, "problem", None) or error).split())
        problems.append(
            Problem(path, line, f"not valid YAML: {reason}", "fix the YAML syntax on or just above this line")
        )
        return None


def _schema_problems(kind: str, path: Path, data: lessondata.Data, label, problems: list[Problem], **where) -> None:
    for issue in lessondata.check(kind, data, label, **where):
        problems.append(Problem(path, issue.line, issue.message, issue.fix))


def _load_meta(lesson: Lesson, front: str, problems: list[Problem]) -> None:
    page = lesson.page
    if not front.strip():
        problems.append(
            Problem(
                page,
                1,
                "no front matter",
                "start the page with `---`, the fields title/track/order/summary/outcome, and `---`",
            )
        )
        return
    try:
        data = lessondata.parse(front, first_line=2)  # the front matter starts on line 2
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = " ".join(str(getattr(error, "problem", None) or error).split())
        line = mark.line + 2 if mark else 2
        problems.append(
            Problem(page, line, f"front matter is not valid YAML: {reason}", "fix the YAML between the `---` lines")
        )
        return
    if not isinstance(data.typed, dict):
        problems.append(Problem(page, 2, "front matter is not a set of `key: value` fields", "write `title: …` etc."))
        return
    lesson.meta_lines = {path[0]: line for path, line in data.lines.items() if len(path) == 1}
    # A field that is missing altogether is reported at the opening `---`.
    _schema_problems("lesson", page, data, lambda path: "front matter", problems, root_line=1)
    meta = dict(data.written)
    for key, minimum in (("track", 0), ("order", 1)):
        number = _whole(data.typed.get(key))
        if number is not None and number >= minimum:
            meta[key] = number
    requires = data.typed.get("requires")
    valid = isinstance(requires, list) and all(isinstance(n, str) and re.fullmatch(r"[\w.-]+", n) for n in requires)
    meta["requires"] = requires if valid else []
    if "requires" not in data.typed:
        del meta["requires"]
    lesson.meta = meta


def _load_terms(lesson: Lesson, problems: list[Problem]) -> None:
    path = lesson.folder / "terms.yml"
    if not path.is_file():
        problems.append(Problem(path, 1, "key terms file is missing", "create terms.yml (see CONTRIBUTING.md)"))
        return
    data = _read_yaml(path, problems)
    if data is None:
        return

    def label(at: tuple) -> str:
        entry = data.written[at[0]] if at else None
        name = _fold(entry.get("term")) if isinstance(entry, dict) else ""
        return f"term {name!r}" if name else f"term {at[0] + 1}" if at else "terms.yml"

    _schema_problems("terms", path, data, label, problems)
    ids: dict[str, int] = {}
    for index, entry in enumerate(data.written if isinstance(data.written, list) else []):
        if not isinstance(entry, dict):
            continue
        line = data.line((index,))
        term_id, term, definition = (_fold(entry.get(key)) for key in ("id", "term", "definition"))
        if not (term_id and term and definition):
            continue  # the schema's problem says what is missing
        if term_id in ids:
            problems.append(
                Problem(
                    path, line, f"term id {term_id!r} is defined twice (first on line {ids[term_id]})", "keep one entry"
                )
            )
        ids.setdefault(term_id, line)
        written = entry.get("aliases")
        aliases = [_fold(a) for a in written if _fold(a)] if isinstance(written, list) else []
        lesson.terms.append(Term(term_id, term, definition, aliases, lesson, line))


def _load_quiz(lesson: Lesson, problems: list[Problem]) -> None:
    path = lesson.folder / "quiz.yml"
    if not path.is_file():
        problems.append(Problem(path, 1, "quiz file is missing", "create quiz.yml (see CONTRIBUTING.md)"))
        return
    data = _read_yaml(path, problems)
    if data is None:
        return
    typed = data.typed.get("questions") if isinstance(data.typed, dict) else None
    questions = typed if isinstance(typed, list) else []
    written = data.written["questions"] if questions else []

    def question_label(index: int) -> str:
        entry = written[index] if index < len(written) else None
        qid = _fold(entry.get("id")) if isinstance(entry, dict) else ""
        return f"question {qid!r}" if qid else f"question {index + 1}"

    def label(at: tuple) -> str:
        if len(at) < 2:
            return "quiz.yml"
        return f"an option of {question_label(at[1])}" if len(at) >= 4 else question_label(at[1])

    # A missing `questions:` is reported at the top of the file.
    _schema_problems("quiz", path, data, label, problems, root_line=1)
    ids: dict[str, int] = {}
    for index, (entry, text) in enumerate(zip(questions, written, strict=True)):
        if not isinstance(entry, dict):
            continue
        line = data.line(("questions", index))
        qid, name = _fold(text.get("id")), question_label(index)
        if qid in ids:
            problems.append(
                Problem(
                    path,
                    line,
                    f"duplicate question id {qid!r} (first on line {ids[qid]})",
                    "give each question its own id",
                )
            )
        if qid:
            ids.setdefault(qid, line)
        version = _whole(entry.get("version"))
        multi = entry.get("multi") is True
        options: list[Option] = []
        raw = entry.get("options") if isinstance(entry.get("options"), list) else []
        for number, (option, shown) in enumerate(zip(raw, text["options"] if raw else [], strict=True)):
            if isinstance(option, dict) and _fold(shown.get("text")):
                at = data.line(("questions", index, "options", number))
                options.append(Option(_fold(shown["text"]), option.get("correct") is True, at))
        correct_count = sum(o.correct for o in options)
        if options and not multi and correct_count != 1:
            problems.append(
                Problem(
                    path,
                    line,
                    f"{name} has {correct_count} correct answers; a single-choice question needs exactly one",
                    "mark exactly one option `correct: true`, or set `multi: true`",
                )
            )
        if options and multi and correct_count < 1:
            problems.append(
                Problem(path, line, f"{name} has no correct answer", "mark at least one option `correct: true`")
            )
        question = Question(
            qid, version or 1, _fold(text.get("question")), options, _fold(text.get("explanation")), multi, line
        )
        lesson.questions.append(question)
    single = [q for q in lesson.questions if not q.multi and sum(o.correct for o in q.options) == 1]
    positions = {next(i for i, o in enumerate(q.options) if o.correct) for q in single}
    if len(single) > 1 and len(positions) == 1:
        problems.append(
            Problem(
                path,
                data.line(("questions", 0)),
                f"every correct answer is option {positions.pop() + 1}",
                "move some correct options elsewhere so readers can't answer by position",
            )
        )
    _check_quiz_form(lesson, path, problems)


# Words that make an option sound careful, and so right, to a reader guessing by form.
HEDGES = ("may", "might", "usually", "often", "can", "could", "generally", "typically")
HEDGE = re.compile(rf"\b(?:{'|'.join(HEDGES)})\b(?!['’]t)", re.I)


def longest_is_right(question: Question) -> bool:
    """The right option of a single-choice question is longer than every wrong one."""
    right = [o for o in question.options if o.correct]
    wrong = [o for o in question.options if not o.correct]
    return len(right) == 1 and bool(wrong) and len(right[0].text) > max(len(o.text) for o in wrong)


def _check_quiz_form(lesson: Lesson, path: Path, problems: list[Problem]) -> None:
    """A quiz can't be passed by form: the right option is the longest in at most half of the
    questions, and hedges ("may", "usually", …) are never only on right options."""
    single = [q for q in lesson.questions if not q.multi and sum(o.correct for o in q.options) == 1]
    longest = [q for q in single if longest_is_right(q)]
    if len(longest) > len(single) // 2:
        for question in longest:
            problems.append(
                Problem(
                    path,
                    question.line,
                    f"question {question.id!r}: the right option is the longest, as in {len(longest)} of the "
                    f"quiz's {len(single)} questions (at most {len(single) // 2} may be): a reader can answer by length",
                    "give a wrong option a real mistake written as long and as qualified as the right answer, "
                    "or say the right answer in fewer words",
                )
            )
    for question in lesson.questions:
        right = [o for o in question.options if o.correct]
        wrong = [o for o in question.options if not o.correct]
        hedged = [o for o in right if HEDGE.search(o.text)]
        if hedged and wrong and not any(HEDGE.search(o.text) for o in wrong):
            words = sorted({m.group(0).lower() for o in hedged for m in HEDGE.finditer(o.text)})
            problems.append(
                Problem(
                    path,
                    hedged[0].line,
                    f"question {question.id!r}: only the right option hedges ({', '.join(words)}): "
                    "a reader can pick it for its caution alone",
                    "state the right answer plainly, or qualify a wrong option as much "
                    '(a real mistake that also says "usually" or "may")',
                )
            )


def _headings(body: str) -> list[tuple[int, str, int]]:
    """(level, text, offset) of every Markdown heading outside fenced code."""
    found = []
    fence = None
    offset = 0
    for line in body.splitlines(keepends=True):
        opening = FENCE.match(line)
        if fence is None and opening:
            fence = opening.group(1)
        elif fence is not None:
            if line.strip().startswith(fence[0] * len(fence)) and not line.strip().strip(fence[0]):
                fence = None
        else:
            heading = HEADING.match(line.rstrip("\r\n"))
            if heading:
                text = re.sub(r"\s*\{[^}]*\}$", "", heading.group(2))  # drop attr_list `{ #id }`
                found.append((len(heading.group(1)), text, offset))
        offset += len(line)
    return found


def _check_page(lesson: Lesson, text: str, snippets_dir: Path, problems: list[Problem]) -> None:
    page = lesson.page
    headings = _headings(lesson.body)
    if not headings or headings[0][0] != 1:
        problems.append(
            Problem(
                page,
                lesson.body_start_line,
                "the page does not start with its title as a `# ` heading",
                f"put `# {lesson.title}` right after the front matter",
            )
        )
    sections = {title: offset for level, title, offset in headings if level == 2}
    for heading in REQUIRED_HEADINGS:
        if heading not in sections:
            problems.append(
                Problem(
                    page,
                    lesson.body_line(len(lesson.body.rstrip())),
                    f"missing section `## {heading}`",
                    f"add a `## {heading}` section at the end of the page",
                )
            )
    for marker, heading in MARKER_SECTIONS.items():
        position = lesson.body.find(marker)
        if position < 0:
            problems.append(
                Problem(
                    page,
                    lesson.body_line(sections.get(heading, len(lesson.body.rstrip()))),
                    f"missing `{marker}`",
                    f"put `{marker}` on its own line under `## {heading}`",
                )
            )
            continue
        owner = [title for level, title, offset in headings if level <= 2 and offset < position]
        if heading in sections and (not owner or owner[-1] != heading):
            problems.append(
                Problem(
                    page,
                    lesson.body_line(position),
                    f"`{marker}` is not in the `## {heading}` section",
                    f"move it under `## {heading}`",
                )
            )
    for match in INCLUDE.finditer(lesson.body):
        target = match.group(1).split(":")[0]
        if not (snippets_dir / target).is_file():
            fix = (
                "run `make outputs` to record it"
                if "/outputs/" in target
                else f"create snippets/{target} or correct the path"
            )
            problems.append(
                Problem(page, lesson.body_line(match.start()), f"included file snippets/{target} does not exist", fix)
            )
    _check_continuing_blocks(lesson, snippets_dir, problems)
    prose = lesson.body.split(KEY_TERMS_MARKER)[0]
    for term in lesson.terms:
        if not any(re.search(rf"(?<!\w){re.escape(name)}(?!\w)", prose) for name in term.names):
            problems.append(
                Problem(
                    lesson.folder / "terms.yml",
                    term.line,
                    f"key term {term.term!r} is never used in the lesson text",
                    "use the term in the lesson (before Key terms), or add the wording you used to its aliases",
                )
            )
    files = [(page, text)]
    for path in (lesson.folder / "terms.yml", lesson.folder / "quiz.yml"):
        if path.is_file():
            files.append((path, path.read_text(encoding="utf-8")))
    snippet_folder = snippets_dir / lesson.slug
    for snippet in sorted(snippet_folder.glob("*.py")) if snippet_folder.is_dir() else []:
        if not SNIPPET_NAME.match(snippet.name):
            problems.append(
                Problem(
                    snippet,
                    1,
                    f"snippet name {snippet.name!r} is not `<nn>_<what_it_shows>.py`",
                    "rename it, e.g. 01_same_architecture.py (two digits, lowercase words joined by _)",
                )
            )
        files.append((snippet, snippet.read_text(encoding="utf-8")))
    for path, content in files:
        for match in TODO.finditer(content):
            problems.append(
                Problem(
                    path,
                    content.count("\n", 0, match.start()) + 1,
                    "a TODO is left",
                    "write the missing content, then delete the TODO",
                )
            )


def _check_continuing_blocks(lesson: Lesson, snippets_dir: Path, problems: list[Problem]) -> None:
    """A snippet that continues another (`# Continues the block above (NN_name.py)`, first line)
    is shown right under that block: the page promises that the blocks, run in order in one
    interpreter, print what it shows (coursetools.runner runs them so)."""
    from coursetools.runner import continues

    shown = [m for m in INCLUDE.finditer(lesson.body) if m.group(1).endswith(".py")]
    for index, match in enumerate(shown):
        path = snippets_dir / match.group(1)
        previous = continues(path) if path.is_file() else None
        if previous is None:
            continue
        above = shown[index - 1].group(1) if index else None
        if not previous.is_file():
            message = f"{match.group(1)} continues {previous.name}, which does not exist"
        elif above is None or (snippets_dir / above).resolve() != previous.resolve():
            message = f"{match.group(1)} continues {previous.name}, but the block above it is {above or 'none'}"
        else:
            continue
        problems.append(
            Problem(
                lesson.page,
                lesson.body_line(match.start()),
                message,
                f"include {previous.name} right above it, or make the snippet run on its own (CONTRIBUTING.md)",
            )
        )


def _check_terms_site_wide(lessons: list[Lesson], problems: list[Problem]) -> None:
    """Each term is defined once on the whole site: ids are glossary anchors, names are tooltips."""
    ids: dict[str, Term] = {}
    names: dict[str, Term] = {}
    for lesson in lessons:
        for term in lesson.terms:
            path = lesson.folder / "terms.yml"
            first = ids.get(term.id)
            if first is not None and first.lesson is not lesson:
                problems.append(
                    Problem(
                        path,
                        term.line,
                        f"term id {term.id!r} is already used in lesson {first.lesson.slug!r}",
                        "define each term once; link to the other lesson instead",
                    )
                )
            ids.setdefault(term.id, term)
            for name in term.names:
                first = names.get(name.lower())
                if first is not None and first is not term:
                    where = "this lesson" if first.lesson is lesson else f"lesson {first.lesson.slug!r}"
                    problems.append(
                        Problem(
                            path,
                            term.line,
                            f"key term {name!r} is already defined in {where} (as {first.term!r})",
                            "define each term once; link to the lesson that defines it instead",
                        )
                    )
                    break
                names.setdefault(name.lower(), term)


def nav_pages(nav) -> list[str]:
    """Every page path named in an mkdocs.yml nav, flattened."""
    found: list[str] = []
    items = nav if isinstance(nav, list) else [nav]
    for item in items:
        if isinstance(item, str):
            found.append(item)
        elif isinstance(item, dict):
            for value in item.values():
                found.extend(nav_pages(value))
    return found


def _nav_line(mkdocs_yml: Path) -> int:
    try:
        lines = mkdocs_yml.read_text(encoding="utf-8").splitlines()
    except OSError:
        return 1
    return next((number for number, line in enumerate(lines, 1) if line.startswith("nav:")), 1)


def _nav_labels(nav) -> list[tuple[str, str]]:
    """(label, page) of every titled page in an mkdocs.yml nav."""
    found: list[tuple[str, str]] = []
    for item in nav if isinstance(nav, list) else [nav]:
        if isinstance(item, dict):
            for label, value in item.items():
                if isinstance(value, str):
                    found.append((str(label), value))
                else:
                    found.extend(_nav_labels(value))
    return found


def _check_nav_labels(lessons: list[Lesson], nav, mkdocs_yml: Path, problems: list[Problem]) -> None:
    """A lesson's nav label starts with its number, so the nav never disagrees with the page."""
    by_page = {lesson.src_uri: lesson for lesson in lessons}
    try:
        lines = mkdocs_yml.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for label, page in _nav_labels(nav):
        lesson = by_page.get(page)
        if (
            lesson is None
            or not isinstance(lesson.meta.get("track"), int)
            or not isinstance(lesson.meta.get("order"), int)
        ):
            continue
        if label == lesson.number or label.startswith(f"{lesson.number} "):
            continue
        line = next((n for n, text in enumerate(lines, 1) if page in text and not text.lstrip().startswith("#")), 1)
        problems.append(
            Problem(
                mkdocs_yml,
                line,
                f"nav label {label!r} does not start with the lesson's number {lesson.number} "
                f"(track {lesson.meta['track']}, order {lesson.meta['order']} in {lesson.src_uri})",
                f"write `- {lesson.number} {lesson.title}: {page}`, or fix `track`/`order` in docs/{page}",
            )
        )


def _check_code_blocks(docs_dir: Path, config: dict, problems: list[Problem]) -> None:
    """Every code block on every page is an include of a snippet the tests run."""
    from coursetools import codeblocks

    names, configs = codeblocks.extensions_of(config)
    for page in sorted(docs_dir.rglob("*.md")):
        for line, first in codeblocks.foreign_blocks(page.read_text(encoding="utf-8"), names, configs):
            problems.append(
                Problem(
                    page,
                    line,
                    f"code block that doesn't come from snippets/ ({first[:60]!r}): no test runs it",
                    'move the code into snippets/<lesson>/<nn>_<name>.py and include it: --8<-- "<lesson>/<nn>_<name>.py"',
                )
            )


def _check_recordings(lessons: list[Lesson], snippets_dir: Path, problems: list[Problem]) -> None:
    """Every recorded output a page shows is as `make outputs` wrote it (coursetools.outputs)."""
    from coursetools import outputs

    for lesson in lessons:
        for match in INCLUDE.finditer(lesson.body):
            path = snippets_dir / match.group(1).split(":")[0]
            if path.suffix == ".md" and path.parent.name == "outputs" and path.is_file():
                try:
                    outputs.read(path)
                except outputs.TamperedRecording as error:
                    problems.append(Problem(path, error.line, error.message, outputs.FIX))


def load_course(docs_dir: Path, snippets_dir: Path, nav=None, mkdocs_yml: Path | None = None) -> list[Lesson]:
    """Load and validate every lesson; raise LessonError listing every problem found.

    `nav` is mkdocs.yml's nav (when given, every lesson must be in it); `mkdocs_yml` is named in
    the problem when one is missing.
    """
    docs_dir, snippets_dir = Path(docs_dir), Path(snippets_dir)
    problems: list[Problem] = []
    lessons: list[Lesson] = []
    base = docs_dir / LESSONS_DIR
    for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
        page = folder / "index.md"
        if not page.is_file():
            problems.append(Problem(folder, 1, "lesson folder has no index.md", "add index.md, or remove the folder"))
            continue
        if not SLUG.match(folder.name):
            problems.append(
                Problem(
                    folder,
                    1,
                    f"folder name {folder.name!r} is not a lowercase-hyphen slug",
                    "rename it, e.g. base-vs-instruct",
                )
            )
        text = page.read_text(encoding="utf-8")
        front, body, start = split_front_matter(text)
        lesson = Lesson(folder.name, folder, {}, body, start)
        _load_meta(lesson, front, problems)
        _load_terms(lesson, problems)
        _load_quiz(lesson, problems)
        _check_page(lesson, text, snippets_dir, problems)
        lessons.append(lesson)
    _check_terms_site_wide(lessons, problems)
    numbers: dict[str, Lesson] = {}
    for lesson in lessons:
        if isinstance(lesson.meta.get("track"), int) and isinstance(lesson.meta.get("order"), int):
            if lesson.number in numbers:
                problems.append(
                    Problem(
                        lesson.page,
                        lesson.meta_line("order"),
                        f"lesson number {lesson.number} is also used by {numbers[lesson.number].slug!r}",
                        "give it another `order`",
                    )
                )
            numbers.setdefault(lesson.number, lesson)
    mkdocs_yml = Path(mkdocs_yml) if mkdocs_yml else docs_dir.parent / "mkdocs.yml"
    if nav is not None:
        listed = set(nav_pages(nav))
        for lesson in lessons:
            if lesson.src_uri not in listed:
                problems.append(
                    Problem(
                        mkdocs_yml,
                        _nav_line(mkdocs_yml),
                        f"lesson {lesson.slug!r} is not in the nav",
                        f"add `- {lesson.number} {lesson.title}: {lesson.src_uri}` under its track in `nav:`",
                    )
                )
        _check_nav_labels(lessons, nav, mkdocs_yml, problems)
    config = read_config(mkdocs_yml.read_text(encoding="utf-8")) if mkdocs_yml.is_file() else {}
    _check_code_blocks(docs_dir, config, problems)
    _check_recordings(lessons, snippets_dir, problems)
    if problems:
        raise LessonError(problems)
    return sorted(lessons, key=lambda lesson: (lesson.meta["track"], lesson.meta["order"]))
