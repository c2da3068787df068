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

ROOT = Path(__file__).resolve().parent.parent
LESSONS_DIR = "lessons"
REQUIRED_META = ("title", "track", "order", "summary", "outcome")
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

TERM_KEYS = {"id", "term", "definition", "aliases"}
QUESTION_KEYS = {"id", "version", "question", "options", "explanation", "multi"}
OPTION_KEYS = {"text", "correct"}


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


# libyaml's parser when PyYAML was built with it: parsing every lesson's data on every build
# is a visible share of build time in pure Python.
_BaseLoader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _TextLoader(_BaseLoader):
    """Reads every plain value as the text it is written as: YAML 1.1 would show an option
    `0.10` as "0.1" and `yes` as "True". Only an empty value stays None; the few fields that are
    numbers or true/false (track, order, version, correct, multi) are converted where they are
    read, with a message when they aren't one."""

    yaml_implicit_resolvers = {
        first: [(tag, regexp) for tag, regexp in resolvers if tag == "tag:yaml.org,2002:null"]
        for first, resolvers in _BaseLoader.yaml_implicit_resolvers.items()
    }


class _LineLoader(_TextLoader):
    """Records the line of every mapping as `__line__`, so problems can point at it."""


def _construct_mapping(loader, node, deep=False):
    mapping = _TextLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)

_INVALID = object()


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


def _load_yaml(path: Path, problems: list[Problem]):
    """The file's data (None for an empty file), or _INVALID after reporting a syntax error."""
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        line = mark.line + 1 if mark else 1
        reason = " ".join(str(getattr(error, "problem", None) or error).split())
        problems.append(
            Problem(path, line, f"not valid YAML: {reason}", "fix the YAML syntax on or just above this line")
        )
        return _INVALID


def _unknown_keys(entry: dict, allowed: set[str], what: str, path: Path, problems: list[Problem]) -> None:
    unknown = sorted(str(k) for k in entry if k != "__line__" and k not in allowed)
    if unknown:
        problems.append(
            Problem(
                path,
                entry["__line__"],
                f"{what} has unknown key(s): {', '.join(unknown)}",
                f"use only {', '.join(sorted(allowed))} (check the spelling)",
            )
        )


def _whole(value) -> int | None:
    """A whole number written as one (`2`, not `2.0` or `two`), else None."""
    if isinstance(value, int) and not isinstance(value, bool):
        return value
    if isinstance(value, str) and re.fullmatch(r"[0-9]+", value.strip()):
        return int(value)
    return None


def _flag(value) -> bool | None:
    """true/false as YAML 1.2 writes them, else None (`yes`, `on` are text, not booleans)."""
    if isinstance(value, bool):
        return value
    return {"true": True, "false": False}.get(value.strip().lower()) if isinstance(value, str) else None


def _text(value) -> str:
    """YAML text folded to one line of single spaces; numbers count as text, anything else is ''."""
    if isinstance(value, (int, float)) and not isinstance(value, bool):
        value = str(value)
    return " ".join(value.split()) if isinstance(value, str) else ""


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Returns (front matter, body, line where the body starts)."""
    match = re.match(r"^---[ \t]*\r?\n(.*?)^---[ \t]*(?:\r?\n|\Z)", text, re.S | re.M)
    if not match:
        return "", text, 1
    return match.group(1), text[match.end() :], match.group(0).count("\n") + 1


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
        meta = yaml.load(front, Loader=_TextLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        reason = " ".join(str(getattr(error, "problem", None) or error).split())
        line = mark.line + 2 if mark else 2  # the front matter starts on line 2
        problems.append(
            Problem(page, line, f"front matter is not valid YAML: {reason}", "fix the YAML between the `---` lines")
        )
        return
    if not isinstance(meta, dict):
        problems.append(Problem(page, 2, "front matter is not a set of `key: value` fields", "write `title: …` etc."))
        return
    lesson.meta = meta
    for number, line in enumerate(front.splitlines(), 2):
        key = re.match(r"^([A-Za-z_][\w-]*)[ \t]*:", line)
        if key:
            lesson.meta_lines.setdefault(key.group(1), number)
    for key in REQUIRED_META:
        if meta.get(key) in (None, ""):
            problems.append(
                Problem(
                    page,
                    lesson.meta_line(key),
                    f"front matter has no `{key}`",
                    f"add `{key}: …` between the `---` lines",
                )
            )
    for key, minimum in (("track", 0), ("order", 1)):
        value = meta.get(key)
        number = _whole(value)
        if number is not None and number >= minimum:
            meta[key] = number
        elif value not in (None, ""):
            problems.append(
                Problem(
                    page,
                    lesson.meta_line(key),
                    f"front matter `{key}` must be a whole number ≥ {minimum}, not {value!r}",
                    f"write `{key}: {max(minimum, 1)}`",
                )
            )
    for key in ("title", "summary", "outcome"):
        value = meta.get(key)
        if value not in (None, "") and not isinstance(value, str):
            problems.append(
                Problem(page, lesson.meta_line(key), f"front matter `{key}` must be text", f"write `{key}: …` as text")
            )
    # What the lesson installs beyond the course's packages (render.lesson_install).
    requires = meta.get("requires")
    if requires is not None and (
        not isinstance(requires, list) or not all(isinstance(n, str) and re.fullmatch(r"[\w.-]+", n) for n in requires)
    ):
        problems.append(
            Problem(
                page,
                lesson.meta_line("requires"),
                f"front matter `requires` must be a list of package names, not {requires!r}",
                "write `requires: [peft, trl]`, each pinned in requirements.txt",
            )
        )
        meta["requires"] = []


def _load_terms(lesson: Lesson, problems: list[Problem]) -> None:
    path = lesson.folder / "terms.yml"
    if not path.is_file():
        problems.append(Problem(path, 1, "key terms file is missing", "create terms.yml (see CONTRIBUTING.md)"))
        return
    data = _load_yaml(path, problems)
    if data is _INVALID:
        return
    if not isinstance(data, list) or not data:
        problems.append(
            Problem(path, 1, "expected a list of terms", "write one `- id: …` / `term: …` / `definition: …` per term")
        )
        return
    ids: dict[str, int] = {}
    for entry in data:
        if not isinstance(entry, dict):
            problems.append(Problem(path, 1, "a term must be a mapping", "use keys id, term, definition, aliases"))
            continue
        line = entry["__line__"]
        _unknown_keys(entry, TERM_KEYS, "term", path, problems)
        missing = [key for key in ("id", "term", "definition") if not _text(entry.get(key))]
        if missing:
            problems.append(
                Problem(
                    path,
                    line,
                    f"term is missing {', '.join(missing)}",
                    "give every term an id, a term and a definition",
                )
            )
            continue
        term_id = entry["id"]
        if not SLUG.match(term_id):
            problems.append(
                Problem(
                    path, line, f"term id {term_id!r} is not a lowercase-hyphen slug", "use an id like `chat-template`"
                )
            )
        if term_id in ids:
            problems.append(
                Problem(
                    path, line, f"term id {term_id!r} is defined twice (first on line {ids[term_id]})", "keep one entry"
                )
            )
        ids.setdefault(term_id, line)
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) and a.strip() for a in aliases):
            problems.append(
                Problem(
                    path, line, "aliases must be a list of strings", "write `aliases: [chat template, chat templates]`"
                )
            )
            aliases = []
        lesson.terms.append(Term(term_id, _text(entry["term"]), _text(entry["definition"]), aliases, lesson, line))


def _load_quiz(lesson: Lesson, problems: list[Problem]) -> None:
    path = lesson.folder / "quiz.yml"
    if not path.is_file():
        problems.append(Problem(path, 1, "quiz file is missing", "create quiz.yml (see CONTRIBUTING.md)"))
        return
    data = _load_yaml(path, problems)
    if data is _INVALID:
        return
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list) or not questions:
        problems.append(
            Problem(path, 1, "no `questions:` list", "start the file with `questions:` and list the questions under it")
        )
        return
    ids: dict[str, int] = {}
    for entry in questions:
        if not isinstance(entry, dict):
            problems.append(
                Problem(path, 1, "a question must be a mapping", "use keys id, version, question, options, explanation")
            )
            continue
        line = entry["__line__"]
        _unknown_keys(entry, QUESTION_KEYS, "question", path, problems)
        qid = str(entry.get("id") or "")
        label = f"question {qid!r}" if qid else "a question"
        if not SLUG.match(qid):
            problems.append(
                Problem(
                    path,
                    line,
                    f"{label} needs an id that is a lowercase-hyphen slug",
                    "add `id: what-base-does`; never reuse or rename it",
                )
            )
        elif qid in ids:
            problems.append(
                Problem(
                    path,
                    line,
                    f"duplicate question id {qid!r} (first on line {ids[qid]})",
                    "give each question its own id",
                )
            )
        ids.setdefault(qid, line)
        version = _whole(entry.get("version"))
        if version is None or version < 1:
            problems.append(
                Problem(
                    path,
                    line,
                    f"{label} needs `version:` as a whole number ≥ 1",
                    "add `version: 1`; bump it when the question changes",
                )
            )
            version = 1
        text = _text(entry.get("question"))
        if not text:
            problems.append(Problem(path, line, f"{label} has no question text", "add `question: …`"))
        explanation = _text(entry.get("explanation"))
        if not explanation:
            problems.append(
                Problem(
                    path, line, f"{label} has no explanation", "add `explanation: …`, shown after the reader answers"
                )
            )
        multi = _flag(entry.get("multi", False))
        if multi is None:
            problems.append(Problem(path, line, f"{label}: `multi` must be true or false", "write `multi: true`"))
            multi = False
        raw_options = entry.get("options")
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            problems.append(
                Problem(
                    path,
                    line,
                    f"{label} needs at least two options",
                    "list options as `- text: …` (mark the right one `correct: true`)",
                )
            )
            raw_options = []
        options: list[Option] = []
        for option in raw_options:
            option_line = option["__line__"] if isinstance(option, dict) else line
            if not isinstance(option, dict) or not _text(option.get("text")):
                problems.append(
                    Problem(
                        path, option_line, f"{label} has an option without text", "write each option as `- text: …`"
                    )
                )
                continue
            _unknown_keys(option, OPTION_KEYS, f"an option of {label}", path, problems)
            written = option.get("correct", False)
            correct = _flag(written)
            if correct is None:
                problems.append(
                    Problem(
                        path,
                        option_line,
                        f"an option of {label} has `correct: {written}`",
                        "write `correct: true`, or leave `correct` out for a wrong option",
                    )
                )
                correct = False
            options.append(Option(_text(option["text"]), correct, option_line))
        correct_count = sum(o.correct for o in options)
        if options and not multi and correct_count != 1:
            problems.append(
                Problem(
                    path,
                    line,
                    f"{label} has {correct_count} correct answers; a single-choice question needs exactly one",
                    "mark exactly one option `correct: true`, or set `multi: true`",
                )
            )
        if options and multi and correct_count < 1:
            problems.append(
                Problem(path, line, f"{label} has no correct answer", "mark at least one option `correct: true`")
            )
        lesson.questions.append(Question(qid, version, text, options, explanation, multi, line))
    single = [q for q in lesson.questions if not q.multi and sum(o.correct for o in q.options) == 1]
    positions = {next(i for i, o in enumerate(q.options) if o.correct) for q in single}
    if len(single) > 1 and len(positions) == 1:
        problems.append(
            Problem(
                path,
                questions[0]["__line__"] if isinstance(questions[0], dict) else 1,
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
