"""Loading a lesson: its page's front matter and body, terms.yml and quiz.yml, into a Lesson.

Each file is checked against its schema here (coursetools.lessondata); a value the schema
refuses is reported and left out of the Lesson. The course's own rules are coursetools.checks'.
"""

from __future__ import annotations

import re
from pathlib import Path

import yaml

from coursetools import lessondata
from coursetools.course import Lesson, Option, Problem, Question, Term
from coursetools.includes import includes


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


def _read_yaml(path: Path, what: str, problems: list[Problem]) -> lessondata.Data | None:
    """The file's data, or None after reporting it missing (`what` it holds) or not YAML."""
    if not path.is_file():
        problems.append(Problem(path, 1, f"{what} file is missing", f"create {path.name} (see CONTRIBUTING.md)"))
        return None
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


def load_meta(lesson: Lesson, front: str, problems: list[Problem]) -> None:
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
    written = data.written
    # Text as written (a title `0.10` stays "0.10"); only numbers the schema accepts are read.
    lesson.title = written["title"] if isinstance(written.get("title"), str) else lesson.slug
    lesson.summary, lesson.outcome = (v if isinstance(v := written.get(k), str) else "" for k in ("summary", "outcome"))
    for key, minimum in (("track", 0), ("order", 1)):
        number = _whole(data.typed.get(key))
        setattr(lesson, key, number if number is not None and number >= minimum else None)
    requires = data.typed.get("requires")
    valid = isinstance(requires, list) and all(isinstance(n, str) and re.fullmatch(r"[\w.-]+", n) for n in requires)
    lesson.requires = list(requires) if valid else []


def load_terms(lesson: Lesson, problems: list[Problem]) -> None:
    path = lesson.folder / "terms.yml"
    data = _read_yaml(path, "key terms", problems)
    if data is None:
        return

    def label(at: tuple) -> str:
        entry = data.written[at[0]] if at else None
        name = _fold(entry.get("term")) if isinstance(entry, dict) else ""
        return f"term {name!r}" if name else f"term {at[0] + 1}" if at else "terms.yml"

    _schema_problems("terms", path, data, label, problems)
    for index, entry in enumerate(data.written if isinstance(data.written, list) else []):
        if not isinstance(entry, dict):
            continue
        line = data.line((index,))
        term_id, term, definition = (_fold(entry.get(key)) for key in ("id", "term", "definition"))
        if not (term_id and term and definition):
            continue  # the schema's problem says what is missing
        written = entry.get("aliases")
        aliases = [_fold(a) for a in written if _fold(a)] if isinstance(written, list) else []
        lesson.terms.append(Term(term_id, term, definition, aliases, lesson, line))


def load_quiz(lesson: Lesson, problems: list[Problem]) -> None:
    path = lesson.folder / "quiz.yml"
    data = _read_yaml(path, "quiz", problems)
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
    for index, (entry, text) in enumerate(zip(questions, written, strict=True)):
        if not isinstance(entry, dict):
            continue
        line = data.line(("questions", index))
        version = _whole(entry.get("version"))
        multi = entry.get("multi") is True
        options: list[Option] = []
        raw = entry.get("options") if isinstance(entry.get("options"), list) else []
        for number, (option, shown) in enumerate(zip(raw, text["options"] if raw else [], strict=True)):
            if isinstance(option, dict) and _fold(shown.get("text")):
                at = data.line(("questions", index, "options", number))
                options.append(Option(_fold(shown["text"]), option.get("correct") is True, at))
        question = Question(
            _fold(text.get("id")),
            version or 1,
            _fold(text.get("question")),
            options,
            _fold(text.get("explanation")),
            multi,
            line,
        )
        lesson.questions.append(question)


def load_lesson(folder: Path, problems: list[Problem]) -> Lesson:
    """The lesson in `folder` (which has an index.md), every problem with its files reported."""
    front, body, start = split_front_matter((folder / "index.md").read_text(encoding="utf-8"))
    lesson = Lesson(folder.name, folder, body, start, title=folder.name)
    lesson.includes = includes(body, start)
    load_meta(lesson, front, problems)
    load_terms(lesson, problems)
    load_quiz(lesson, problems)
    return lesson
