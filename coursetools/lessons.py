"""Lessons as data: front matter, key terms and quiz, loaded and validated in one place.

The build (coursetools.hooks) and the tests both go through `load_course()`, so a lesson that
the tests accept is exactly a lesson that builds. Every problem names its file and line and
says how to fix it; all problems are collected before anything is reported.
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
SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
INCLUDE = re.compile(r'^\s*-{1,}8<-{1,}\s+"([^"]+)"', re.M)
TODO = re.compile(r"\bTODO\b")


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
        super().__init__(
            f"{len(problems)} problem(s) in the course content:\n" + "\n".join(str(p) for p in problems)
        )


@dataclass
class Term:
    id: str
    term: str
    definition: str
    aliases: list[str]
    lesson: "Lesson"


@dataclass
class Option:
    text: str
    correct: bool


@dataclass
class Question:
    id: str
    version: int
    question: str
    options: list[Option]
    explanation: str
    multi: bool = False


@dataclass
class Lesson:
    slug: str
    folder: Path
    meta: dict
    body: str
    body_start_line: int
    terms: list[Term] = field(default_factory=list)
    questions: list[Question] = field(default_factory=list)

    @property
    def page(self) -> Path:
        return self.folder / "index.md"

    @property
    def src_uri(self) -> str:
        """The page's path inside docs/, as mkdocs.yml's nav names it."""
        return f"{LESSONS_DIR}/{self.slug}/index.md"

    @property
    def number(self) -> str:
        return f"{self.meta['track']}.{self.meta['order']}"

    @property
    def title(self) -> str:
        return self.meta["title"]


class _LineLoader(yaml.SafeLoader):
    """Records the line of every mapping as `__line__`, so problems can point at it."""


def _construct_mapping(loader, node, deep=False):
    mapping = yaml.SafeLoader.construct_mapping(loader, node, deep=deep)
    mapping["__line__"] = node.start_mark.line + 1
    return mapping


_LineLoader.add_constructor(yaml.resolver.BaseResolver.DEFAULT_MAPPING_TAG, _construct_mapping)


def _load_yaml(path: Path, problems: list[Problem]):
    try:
        return yaml.load(path.read_text(encoding="utf-8"), Loader=_LineLoader)
    except yaml.YAMLError as error:
        mark = getattr(error, "problem_mark", None)
        problems.append(
            Problem(path, mark.line + 1 if mark else 1, f"not valid YAML: {error}", "fix the YAML syntax")
        )
        return None


def split_front_matter(text: str) -> tuple[str, str, int]:
    """Returns (front matter, body, line where the body starts)."""
    match = re.match(r"^---\n(.*?)\n---\n", text, re.S)
    if not match:
        return "", text, 1
    return match.group(1), text[match.end() :], match.group(0).count("\n") + 1


def _load_terms(lesson: Lesson, problems: list[Problem]) -> None:
    path = lesson.folder / "terms.yml"
    if not path.is_file():
        problems.append(Problem(path, 1, "key terms file is missing", "create terms.yml (see CONTRIBUTING.md)"))
        return
    data = _load_yaml(path, problems)
    if data is None:
        return
    if not isinstance(data, list) or not data:
        problems.append(Problem(path, 1, "expected a list of terms", "write one `- id: … term: … definition: …` per term"))
        return
    seen: set[str] = set()
    for entry in data:
        line = entry.get("__line__", 1) if isinstance(entry, dict) else 1
        if not isinstance(entry, dict):
            problems.append(Problem(path, line, "a term must be a mapping", "use keys id, term, definition, aliases"))
            continue
        missing = [key for key in ("id", "term", "definition") if not str(entry.get(key) or "").strip()]
        if missing:
            problems.append(Problem(path, line, f"term is missing {', '.join(missing)}", "give every term an id, a term and a definition"))
            continue
        if not SLUG.match(str(entry["id"])):
            problems.append(Problem(path, line, f"term id {entry['id']!r} is not a lowercase-hyphen slug", "use an id like `chat-template`"))
        if entry["id"] in seen:
            problems.append(Problem(path, line, f"term id {entry['id']!r} is defined twice", "keep one definition per term"))
        seen.add(entry["id"])
        aliases = entry.get("aliases") or []
        if not isinstance(aliases, list) or not all(isinstance(a, str) for a in aliases):
            problems.append(Problem(path, line, "aliases must be a list of strings", "write aliases: [chat template, chat templates]"))
            aliases = []
        lesson.terms.append(Term(entry["id"], entry["term"], " ".join(entry["definition"].split()), aliases, lesson))


def _load_quiz(lesson: Lesson, problems: list[Problem]) -> None:
    path = lesson.folder / "quiz.yml"
    if not path.is_file():
        problems.append(Problem(path, 1, "quiz file is missing", "create quiz.yml (see CONTRIBUTING.md)"))
        return
    data = _load_yaml(path, problems)
    if data is None:
        return
    questions = data.get("questions") if isinstance(data, dict) else None
    if not isinstance(questions, list) or not questions:
        problems.append(Problem(path, 1, "no `questions:` list", "start the file with `questions:` and list the questions under it"))
        return
    seen: set[str] = set()
    for entry in questions:
        if not isinstance(entry, dict):
            problems.append(Problem(path, 1, "a question must be a mapping", "use keys id, version, question, options, explanation"))
            continue
        line = entry["__line__"]
        qid = str(entry.get("id") or "")
        label = f"question {qid!r}" if qid else "a question"
        if not SLUG.match(qid):
            problems.append(Problem(path, line, f"{label} needs an id that is a lowercase-hyphen slug", "add `id: what-base-does`; never reuse or rename it"))
        elif qid in seen:
            problems.append(Problem(path, line, f"duplicate question id {qid!r}", "give each question its own id"))
        seen.add(qid)
        version = entry.get("version")
        if not isinstance(version, int) or isinstance(version, bool) or version < 1:
            problems.append(Problem(path, line, f"{label} needs `version:` as a whole number ≥ 1", "add `version: 1`; bump it when the question changes"))
            version = 1
        text = str(entry.get("question") or "").strip()
        if not text:
            problems.append(Problem(path, line, f"{label} has no question text", "add `question: …`"))
        explanation = " ".join(str(entry.get("explanation") or "").split())
        if not explanation:
            problems.append(Problem(path, line, f"{label} has no explanation", "add `explanation: …`, shown after the reader answers"))
        raw_options = entry.get("options")
        options: list[Option] = []
        if not isinstance(raw_options, list) or len(raw_options) < 2:
            problems.append(Problem(path, line, f"{label} needs at least two options", "list options as `- text: …` (mark one `correct: true`)"))
            raw_options = []
        for option in raw_options:
            if not isinstance(option, dict) or not str(option.get("text") or "").strip():
                problems.append(Problem(path, line, f"{label} has an option without text", "write each option as `- text: …`"))
                continue
            options.append(Option(" ".join(str(option["text"]).split()), option.get("correct") is True))
        multi = entry.get("multi") is True
        correct = sum(o.correct for o in options)
        if options and not multi and correct != 1:
            problems.append(
                Problem(path, line, f"{label} has {correct} correct answers; a single-choice question needs exactly one",
                        "mark exactly one option `correct: true`, or set `multi: true`")
            )
        if options and multi and correct < 1:
            problems.append(Problem(path, line, f"{label} has no correct answer", "mark at least one option `correct: true`"))
        lesson.questions.append(Question(qid, version, " ".join(text.split()), options, explanation, multi))
    positions = {next((i for i, o in enumerate(q.options) if o.correct), -1) for q in lesson.questions if not q.multi}
    if len(lesson.questions) > 1 and len(positions) == 1:
        problems.append(
            Problem(path, 1, "every correct answer is in the same position", "move some correct options so readers can't pattern-match")
        )


def _check_page(lesson: Lesson, text: str, snippets_dir: Path, problems: list[Problem]) -> None:
    page = lesson.page
    for key in REQUIRED_META:
        if key not in lesson.meta or lesson.meta[key] in (None, ""):
            problems.append(Problem(page, 1, f"front matter has no `{key}`", f"add `{key}: …` between the `---` lines"))
    for key in ("track", "order"):
        if key in lesson.meta and not isinstance(lesson.meta[key], int):
            problems.append(Problem(page, 1, f"front matter `{key}` must be a whole number", f"write `{key}: 1`"))
    headings = re.findall(r"^##\s+(.+?)\s*$", lesson.body, re.M)
    for heading in REQUIRED_HEADINGS:
        if heading not in headings:
            problems.append(Problem(page, lesson.body_start_line, f"missing section `## {heading}`", f"add a `## {heading}` section"))
    for marker in (KEY_TERMS_MARKER, QUIZ_MARKER):
        if marker not in lesson.body:
            problems.append(Problem(page, lesson.body_start_line, f"missing `{marker}`", "put it on its own line under its section heading"))
    for match in INCLUDE.finditer(lesson.body):
        target = match.group(1).split(":")[0]
        if not (snippets_dir / target).is_file():
            line = lesson.body_start_line + lesson.body.count("\n", 0, match.start())
            fix = ("run `make outputs` to record it" if "/outputs/" in target
                   else f"create snippets/{target} or correct the path")
            problems.append(Problem(page, line, f"included file snippets/{target} does not exist", fix))
    prose = lesson.body.split(KEY_TERMS_MARKER)[0]
    for term in lesson.terms:
        names = [term.term, *term.aliases]
        if not any(re.search(rf"\b{re.escape(n)}\b", prose) for n in names):
            problems.append(
                Problem(lesson.folder / "terms.yml", 1, f"key term {term.term!r} is never used in the lesson text",
                        "use the term in the lesson, or add the wording you used to its aliases")
            )
    for path, content in [(page, text), *[(p, p.read_text()) for p in (lesson.folder / "terms.yml", lesson.folder / "quiz.yml") if p.is_file()]]:
        for match in TODO.finditer(content):
            problems.append(Problem(path, content.count("\n", 0, match.start()) + 1,
                                    "a TODO is left", "write the missing content, then delete the TODO"))
    snippet_folder = snippets_dir / lesson.slug
    for snippet in sorted(snippet_folder.glob("*.py")) if snippet_folder.is_dir() else []:
        content = snippet.read_text()
        for match in TODO.finditer(content):
            problems.append(Problem(snippet, content.count("\n", 0, match.start()) + 1, "a TODO is left", "finish the snippet, then delete the TODO"))


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


def load_course(docs_dir: Path, snippets_dir: Path, nav=None, mkdocs_yml: Path | None = None) -> list[Lesson]:
    """Load and validate every lesson; raise LessonError listing every problem found."""
    problems: list[Problem] = []
    lessons: list[Lesson] = []
    base = docs_dir / LESSONS_DIR
    for folder in sorted(p for p in base.iterdir() if p.is_dir()) if base.is_dir() else []:
        page = folder / "index.md"
        if not page.is_file():
            problems.append(Problem(folder, 1, "lesson folder has no index.md", "add index.md, or remove the folder"))
            continue
        if not SLUG.match(folder.name):
            problems.append(Problem(folder, 1, f"folder name {folder.name!r} is not a lowercase-hyphen slug", "rename it, e.g. base-vs-instruct"))
        text = page.read_text(encoding="utf-8")
        front, body, start = split_front_matter(text)
        try:
            meta = yaml.safe_load(front) or {} if front else {}
        except yaml.YAMLError as error:
            problems.append(Problem(page, 2, f"front matter is not valid YAML: {error}", "fix the YAML between the `---` lines"))
            meta = {}
        if not front:
            problems.append(Problem(page, 1, "no front matter", "start the page with `---`, the fields title/track/order/summary/outcome, and `---`"))
        lesson = Lesson(folder.name, folder, meta if isinstance(meta, dict) else {}, body, start)
        _load_terms(lesson, problems)
        _load_quiz(lesson, problems)
        _check_page(lesson, text, snippets_dir, problems)
        lessons.append(lesson)
    by_term: dict[str, Term] = {}
    for lesson in lessons:
        for term in lesson.terms:
            key = term.term.lower()
            if key in by_term and by_term[key].lesson is not lesson:
                problems.append(
                    Problem(lesson.folder / "terms.yml", 1, f"key term {term.term!r} is already defined in lesson {by_term[key].lesson.slug!r}",
                            "define each term once; link to the other lesson instead")
                )
            by_term[key] = term
    numbers: dict[str, Lesson] = {}
    for lesson in lessons:
        if {"track", "order"} <= lesson.meta.keys():
            if lesson.number in numbers:
                problems.append(Problem(lesson.page, 1, f"lesson number {lesson.number} is also used by {numbers[lesson.number].slug!r}", "give it another `order`"))
            numbers[lesson.number] = lesson
    if nav is not None:
        listed = set(nav_pages(nav))
        for lesson in lessons:
            if lesson.src_uri not in listed:
                problems.append(
                    Problem(mkdocs_yml or docs_dir.parent / "mkdocs.yml", 1, f"lesson {lesson.slug!r} is not in the nav",
                            f"add `- {lesson.number} {lesson.title}: {lesson.src_uri}` under its track in mkdocs.yml")
                )
    if problems:
        raise LessonError(problems)
    return sorted(lessons, key=lambda l: (l.meta["track"], l.meta["order"]))
