"""The course's own rules, which a schema can't say: ids unique in a file and across the
course, one correct answer, a quiz not passable by form, lesson numbers, the nav, code blocks
that are includes, recordings as `make outputs` wrote them."""

from __future__ import annotations

import re
from pathlib import Path

from coursetools.course import Lesson, Problem, Question, Term


def check_terms(lesson: Lesson, problems: list[Problem]) -> None:
    """Each term id is defined once in its terms.yml."""
    ids: dict[str, int] = {}
    for term in lesson.terms:
        if term.id in ids:
            problems.append(
                Problem(
                    lesson.folder / "terms.yml",
                    term.line,
                    f"term id {term.id!r} is defined twice (first on line {ids[term.id]})",
                    "keep one entry",
                )
            )
        ids.setdefault(term.id, term.line)


def check_quiz(lesson: Lesson, problems: list[Problem]) -> None:
    """Question ids are unique, a single-choice question has exactly one correct answer (a
    multi-choice one at least one), the right answers aren't all in one place, and the form of
    the options doesn't give them away."""
    path = lesson.folder / "quiz.yml"
    ids: dict[str, int] = {}
    for question in lesson.questions:
        name = f"question {question.id!r}" if question.id else "a question"
        if question.id in ids:
            problems.append(
                Problem(
                    path,
                    question.line,
                    f"duplicate question id {question.id!r} (first on line {ids[question.id]})",
                    "give each question its own id",
                )
            )
        if question.id:
            ids.setdefault(question.id, question.line)
        correct_count = sum(o.correct for o in question.options)
        if question.options and not question.multi and correct_count != 1:
            problems.append(
                Problem(
                    path,
                    question.line,
                    f"{name} has {correct_count} correct answers; a single-choice question needs exactly one",
                    "mark exactly one option `correct: true`, or set `multi: true`",
                )
            )
        if question.options and question.multi and correct_count < 1:
            problems.append(
                Problem(
                    path, question.line, f"{name} has no correct answer", "mark at least one option `correct: true`"
                )
            )
    single = [q for q in lesson.questions if not q.multi and sum(o.correct for o in q.options) == 1]
    positions = {next(i for i, o in enumerate(q.options) if o.correct) for q in single}
    if len(single) > 1 and len(positions) == 1:
        problems.append(
            Problem(
                path,
                lesson.questions[0].line,
                f"every correct answer is option {positions.pop() + 1}",
                "move some correct options elsewhere so readers can't answer by position",
            )
        )
    check_quiz_form(lesson, path, problems)


def check_numbers(lessons: list[Lesson], problems: list[Problem]) -> None:
    """No two lessons share a number."""
    numbers: dict[str, Lesson] = {}
    for lesson in lessons:
        if lesson.numbered:
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


# Words that make an option sound careful, and so right, to a reader guessing by form.
HEDGES = ("may", "might", "usually", "often", "can", "could", "generally", "typically")
HEDGE = re.compile(rf"\b(?:{'|'.join(HEDGES)})\b(?!['’]t)", re.I)


def longest_is_right(question: Question) -> bool:
    """The right option of a single-choice question is longer than every wrong one."""
    right = [o for o in question.options if o.correct]
    wrong = [o for o in question.options if not o.correct]
    return len(right) == 1 and bool(wrong) and len(right[0].text) > max(len(o.text) for o in wrong)


def check_quiz_form(lesson: Lesson, path: Path, problems: list[Problem]) -> None:
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


def check_terms_site_wide(lessons: list[Lesson], problems: list[Problem]) -> None:
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


def check_nav_labels(lessons: list[Lesson], nav, mkdocs_yml: Path, problems: list[Problem]) -> None:
    """A lesson's nav label starts with its number, so the nav never disagrees with the page."""
    by_page = {lesson.src_uri: lesson for lesson in lessons}
    try:
        lines = mkdocs_yml.read_text(encoding="utf-8").splitlines()
    except OSError:
        lines = []
    for label, page in _nav_labels(nav):
        lesson = by_page.get(page)
        if lesson is None or not lesson.numbered:
            continue
        if label == lesson.number or label.startswith(f"{lesson.number} "):
            continue
        line = next((n for n, text in enumerate(lines, 1) if page in text and not text.lstrip().startswith("#")), 1)
        problems.append(
            Problem(
                mkdocs_yml,
                line,
                f"nav label {label!r} does not start with the lesson's number {lesson.number} "
                f"(track {lesson.track}, order {lesson.order} in {lesson.src_uri})",
                f"write `- {lesson.number} {lesson.title}: {page}`, or fix `track`/`order` in docs/{page}",
            )
        )


def check_code_blocks(docs_dir: Path, config: dict, problems: list[Problem]) -> None:
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


def check_recordings(lessons: list[Lesson], snippets_dir: Path, problems: list[Problem]) -> None:
    """Every recorded output a page shows is as `make outputs` wrote it (coursetools.outputs)."""
    from coursetools import outputs

    for lesson in lessons:
        for include in lesson.includes:
            path = snippets_dir / include.target
            if include.kind == "output" and path.is_file():
                try:
                    outputs.read(path)
                except outputs.TamperedRecording as error:
                    problems.append(Problem(path, error.line, error.message, outputs.FIX))


def check_nav(lessons: list[Lesson], nav, mkdocs_yml: Path, problems: list[Problem]) -> None:
    """Every lesson is in mkdocs.yml's nav, under a label that starts with its number."""
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
    check_nav_labels(lessons, nav, mkdocs_yml, problems)
