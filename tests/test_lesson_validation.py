"""A broken lesson is caught with its file, its line and a fix, and a broken site is never published.

Each case breaks one thing in a temporary copy of the course and checks the validator's exact
complaint (coursetools/lessons.py, which the build runs in its on_config hook). The build cases
run `mkdocs build --strict` on such a copy and check that it fails, names the file, and leaves
no site behind.
"""

from __future__ import annotations

import re
import subprocess
import sys
from pathlib import Path

import pytest
from course_copy import ENGINES, build, copy_course, edit, line_of, write_notebooks

from coursetools.lessons import LessonError, Problem, load_course
from coursetools.pagecheck import HEADING_EXTENSIONS, QUIZ_MARKER
from coursetools.scaffold import read_config

LESSON = Path("docs/lessons/base-vs-instruct")
PAGE, TERMS, QUIZ = LESSON / "index.md", LESSON / "terms.yml", LESSON / "quiz.yml"


@pytest.fixture
def course(tmp_path) -> Path:
    return copy_course(tmp_path / "course")


def validate(course: Path) -> list[Problem]:
    """Every problem load_course reports for the copy ([] when it accepts it)."""
    config = read_config((course / "mkdocs.yml").read_text(encoding="utf-8"))
    try:
        load_course(course / "docs", course / "snippets", config["nav"], course / "mkdocs.yml")
    except LessonError as error:
        return error.problems
    return []


def where(course: Path, problem: Problem) -> str:
    return f"{problem.path.relative_to(course)}:{problem.line}"


# --- Each breakage, the file and line it must be reported at, and the message ------------------
# A case is (id, break(course), file, line(course), message regex). `line` is computed on the
# broken copy, so the table doesn't depend on the lesson's current line numbers.


def _missing_section(c):
    edit(c / PAGE, "## Check yourself", "## Quiz")


def _duplicate_quiz_id(c):
    edit(c / QUIZ, "id: what-template-does", "id: what-base-does")


def _no_correct_answer(c):
    edit(c / QUIZ, "        correct: true\n", "")  # the first question's


def _missing_explanation(c):
    text = (c / QUIZ).read_text()
    start = text.index("    explanation:", text.index("id: which-to-finetune"))
    end = text.index("\n\n", start)
    (c / QUIZ).write_text(text[:start] + text[end + 1 :])


def _term_never_used(c):
    with (c / TERMS).open("a") as terms:
        terms.write("- id: quantization\n  term: Quantization\n  definition: Storing weights in fewer bits.\n")


def _term_defined_twice(c):
    edit(
        c / TERMS, "term: Alignment tax\n  aliases: [alignment tax]", "term: Chat template\n  aliases: [alignment tax]"
    )


def _missing_snippet_include(c):
    edit(c / PAGE, '--8<-- "base-vs-instruct/02_instruct_chat_template.py"', '--8<-- "base-vs-instruct/02_nope.py"')


def _track_not_a_number(c):
    edit(c / PAGE, "track: 1\n", "track: one\n")


def _front_matter_missing_title(c):
    edit(c / PAGE, "title: Base vs instruct models\n", "")


def _front_matter_not_yaml(c):
    edit(c / PAGE, "order: 1\n", "order: [1\n")


def _leftover_todo(c):
    edit(c / PAGE, "## The alignment tax\n", "## The alignment tax\n\nTODO add a worked example.\n")


def _todo_in_snippet(c):
    edit(c / "snippets/base-vs-instruct/02_instruct_chat_template.py", "print(", "# TODO explain\nprint(")


def _missing_from_nav(c):
    edit(c / "mkdocs.yml", "      - 1.1 Base vs instruct models: lessons/base-vs-instruct/index.md\n", "")


def _nav_label_disagrees(c):
    edit(c / PAGE, "order: 1\n", "order: 7\n")  # the page says 1.7; the nav still says 1.1


def _marker_outside_section(c):
    edit(c / PAGE, "\n<!-- course:key-terms -->\n", "\n")
    edit(c / PAGE, "## The alignment tax\n", "## The alignment tax\n\n<!-- course:key-terms -->\n")


def _misspelled_key(c):
    edit(c / QUIZ, "        correct: true\n", "        corect: true\n")


def _correct_answers_in_one_place(c):
    (c / QUIZ).write_text(
        "questions:\n"
        + "".join(
            f"  - id: q{n}\n    version: 1\n    question: Q{n}?\n    options:\n"
            f"      - text: Right.\n        correct: true\n      - text: Wrong.\n    explanation: Because.\n"
            for n in (1, 2)
        )
    )


def _requires_not_a_list(c):
    edit(c / PAGE, "order: 1\n", "order: 1\nrequires: peft trl\n")


def _requires_unpinned(c):
    edit(c / PAGE, "order: 1\n", "order: 1\nrequires: [peft, no-such-package]\n")


def _correct_yes(c):
    edit(c / QUIZ, "        correct: true\n", "        correct: yes\n")  # YAML 1.2, as editors read it: text


def _front_matter_unknown_key(c):
    edit(c / PAGE, "order: 1\n", "order: 1\nsumary: A typo.\n")


def _term_id_not_a_slug(c):
    edit(c / TERMS, "- id: base-model\n", "- id: Base_Model\n")


def _version_zero(c):
    edit(c / QUIZ, "version:", "version: 0  #", 1)


CASES = [
    ("missing section", _missing_section, PAGE, lambda c: line_of(c / PAGE, "<!-- course:quiz -->"),
     r"missing section `## Check yourself`"),
    ("duplicate quiz id", _duplicate_quiz_id, QUIZ, lambda c: line_of(c / QUIZ, "id: what-base-does", 2),
     r"duplicate question id 'what-base-does' \(first on line \d+\)"),
    ("no correct answer", _no_correct_answer, QUIZ, lambda c: line_of(c / QUIZ, "id: what-base-does"),
     r"question 'what-base-does' has 0 correct answers; a single-choice question needs exactly one"),
    ("missing explanation", _missing_explanation, QUIZ, lambda c: line_of(c / QUIZ, "id: which-to-finetune"),
     r"question 'which-to-finetune' has no `explanation`"),
    ("key term never used", _term_never_used, TERMS, lambda c: line_of(c / TERMS, "id: quantization"),
     r"key term 'Quantization' is never used in the lesson text"),
    ("key term defined twice", _term_defined_twice, TERMS, lambda c: line_of(c / TERMS, "id: alignment-tax"),
     r"key term 'Chat template' is already defined in this lesson"),
    ("missing snippet include", _missing_snippet_include, PAGE, lambda c: line_of(c / PAGE, "02_nope.py"),
     r"included file snippets/base-vs-instruct/02_nope.py does not exist"),
    ("track not a number", _track_not_a_number, PAGE, lambda c: 3,
     r"front matter `track` must be a whole number ≥ 0, not 'one'"),
    ("front matter without title", _front_matter_missing_title, PAGE, lambda c: 1,
     r"front matter has no `title`"),
    ("front matter not YAML", _front_matter_not_yaml, PAGE, lambda c: line_of(c / PAGE, "summary:"),
     r"front matter is not valid YAML"),
    ("TODO left on the page", _leftover_todo, PAGE, lambda c: line_of(c / PAGE, "TODO add"),
     r"a TODO is left"),
    ("TODO left in a snippet", _todo_in_snippet, Path("snippets/base-vs-instruct/02_instruct_chat_template.py"),
     lambda c: line_of(c / "snippets/base-vs-instruct/02_instruct_chat_template.py", "# TODO"), r"a TODO is left"),
    ("lesson missing from nav", _missing_from_nav, Path("mkdocs.yml"), lambda c: line_of(c / "mkdocs.yml", "nav:"),
     r"lesson 'base-vs-instruct' is not in the nav"),
    ("nav label disagrees with the page", _nav_label_disagrees, Path("mkdocs.yml"),
     lambda c: line_of(c / "mkdocs.yml", "lessons/base-vs-instruct/index.md"),
     r"nav label '1\.1 Base vs instruct models' does not start with the lesson's number 1\.7"),
    ("marker outside its section", _marker_outside_section, PAGE,
     lambda c: line_of(c / PAGE, "<!-- course:key-terms -->"),
     r"`<!-- course:key-terms -->` is not in the `## Key terms` section"),
    ("misspelled quiz key", _misspelled_key, QUIZ, lambda c: line_of(c / QUIZ, "corect: true") - 1,
     r"an option of question 'what-base-does' has unknown key\(s\): corect"),
    ("correct answers all in one place", _correct_answers_in_one_place, QUIZ, lambda c: 2,
     r"every correct answer is option 1"),
    ("requires not a list", _requires_not_a_list, PAGE, lambda c: line_of(c / PAGE, "requires:"),
     r"front matter `requires` must be a list of package names, not 'peft trl'"),
    ("correct: yes", _correct_yes, QUIZ, lambda c: line_of(c / QUIZ, "correct: yes"),
     r"an option of question 'what-base-does' `correct` must be true or false, not 'yes'"),
    ("unknown front matter key", _front_matter_unknown_key, PAGE, lambda c: 2,
     r"front matter has unknown key\(s\): sumary"),
    ("term id not a slug", _term_id_not_a_slug, TERMS, lambda c: line_of(c / TERMS, "Base_Model"),
     r"term 'Base model' `id` must be a lowercase-hyphen slug, not 'Base_Model'"),
    ("version 0", _version_zero, QUIZ, lambda c: line_of(c / QUIZ, "version: 0"),
     r"question 'what-base-does' `version` must be a whole number ≥ 1, not '0'"),
]  # fmt: skip


def test_the_course_as_it_is_passes(course):
    assert validate(course) == []


@pytest.mark.parametrize(("name", "breakage", "path", "line", "message"), CASES, ids=[c[0] for c in CASES])
def test_broken_lesson_is_reported_at_its_line(course, name, breakage, path, line, message):
    breakage(course)
    problems = validate(course)
    expected = f"{path}:{line(course)}"
    matching = [p for p in problems if re.search(message, p.message)]
    assert matching, f"no problem matches {message!r}; got:\n" + "\n".join(map(str, problems))
    assert [where(course, p) for p in matching] == [expected], "\n".join(map(str, problems))
    assert all(p.fix for p in problems), "every problem says how to fix it"


def test_the_tests_stop_at_once_on_a_broken_lesson_naming_its_line(course):
    """`make test` on a course the validator refuses: pytest prints the validator's file:line and
    fix, as the build does, and runs nothing (it was an internal error with a traceback)."""
    name, breakage, path, line, message = next(case for case in CASES if case[0] == "correct: yes")
    breakage(course)
    result = subprocess.run(
        [sys.executable, "-m", "pytest", "tests", "-p", "no:randomly"], cwd=course, capture_output=True, text=True
    )
    said = result.stdout + result.stderr
    assert result.returncode == pytest.ExitCode.USAGE_ERROR, said
    assert said.startswith("ERROR: "), said
    assert re.search(rf"^{re.escape(str(path))}:{line(course)}: {message}\n    fix: ", said, re.M), said
    assert "No test ran" in said and "Traceback" not in said and "INTERNALERROR" not in said, said


def test_every_problem_is_reported_in_one_run(course):
    for _, breakage, *_ in [CASES[1], CASES[3], CASES[6], CASES[7], CASES[12]]:
        breakage(course)
    messages = "\n".join(p.message for p in validate(course))
    for pattern in [CASES[1][4], CASES[3][4], CASES[6][4], CASES[7][4], CASES[12][4]]:
        assert re.search(pattern, messages), pattern


def test_headings_are_what_the_markdown_parser_makes(course):
    """A `## Check yourself` line in a fenced block is code, not the section; a real heading with
    attributes is the section, reported at its own line."""
    edit(course / PAGE, "## Check yourself", "## Quiz\n\n```text\n## Check yourself\n```")
    edit(course / PAGE, "## Key terms", "## Key terms { #terms }")
    problems = [p for p in validate(course) if "`## " in p.message]
    assert [(where(course, p), p.message) for p in problems] == [
        (f"{PAGE}:{line_of(course / PAGE, QUIZ_MARKER)}", "missing section `## Check yourself`"),
    ]


def test_the_heading_parser_has_the_sites_extensions():
    """pagecheck parses headings with the block-shaping extensions the site renders with."""
    site = Path(__file__).resolve().parent.parent / "mkdocs.yml"
    configured = read_config(site.read_text(encoding="utf-8"))["markdown_extensions"]
    names = {next(iter(entry)) if isinstance(entry, dict) else entry for entry in configured}
    assert set(HEADING_EXTENSIONS) <= names


# --- The build: it fails, names the file, and publishes nothing -----------------------------


def _broken_link(c):
    edit(
        c / "docs/glossary.md",
        "# Glossary\n",
        "# Glossary\n\nSee [the lesson on adapters](lessons/adapters/index.md).\n",
    )


def _malformed_quiz(c):
    edit(c / QUIZ, "  - id: when-base\n", "  - id: when-base\n   version: [\n")


def _nav_label_wrong(c):
    edit(c / "mkdocs.yml", "- 1.1 Base vs instruct models:", "- 2.1 Base vs instruct models:")


def _notebook_edited(c):
    edit(c / LESSON / "base-vs-instruct.ipynb", "Base vs instruct models", "Base vs instruct models (edited)")


def _page_edited_notebook_not(c):
    edit(c / PAGE, "## The alignment tax\n", "## The alignment tax\n\nA new paragraph the notebook lacks.\n")


def _budget_of_nothing(c):
    edit(c / "mkdocs.yml", "      seconds: 60\n", "      seconds: 0\n")


BUILD_CASES = [
    (
        "a lesson over the budget",
        _budget_of_nothing,
        r"docs/lessons/[a-z0-9-]+/index\.md:1: lesson [0-9.]+ is over the course's budget: "
        r"its blocks take \d+ s together \(budget 0 s\)",
    ),
    ("notebook edited by hand", _notebook_edited, rf"{LESSON}/base-vs-instruct\.ipynb:1: out of date"),
    ("page changed, notebook not", _page_edited_notebook_not, rf"{LESSON}/base-vs-instruct\.ipynb:1: out of date"),
    ("nav label disagrees", _nav_label_wrong, r"mkdocs\.yml:\d+: nav label '2\.1 Base vs instruct models'"),
    ("missing snippet", _missing_snippet_include, rf"{PAGE}:\d+: included file snippets/base-vs-instruct/02_nope.py"),
    ("broken internal link", _broken_link, r"glossary\.md' contains a link 'lessons/adapters/index\.md'"),
    ("malformed quiz.yml", _malformed_quiz, rf"{QUIZ}:\d+: not valid YAML"),
    (
        "requires an unpinned package",
        _requires_unpinned,
        rf"{PAGE}:\d+: `requires`: \['no-such-package'\] must be pinned in requirements\.txt",
    ),
]


@pytest.mark.parametrize("engine", ENGINES)
@pytest.mark.parametrize(("name", "breakage", "message"), BUILD_CASES, ids=[c[0] for c in BUILD_CASES])
def test_broken_build_fails_naming_the_file_and_publishes_nothing(course, tmp_path, name, breakage, message, engine):
    breakage(course)
    site = tmp_path / "site"
    result = build(course, site, engine)
    assert result.returncode != 0, result.stdout
    assert re.search(message, result.stdout), result.stdout
    assert not (site / "index.html").exists(), "a failed build left a site to publish"
    assert not list(site.rglob("*.html")) if site.exists() else True


def test_yaml_values_show_as_written(course, tmp_path):
    """YAML 1.1 would turn an option `0.10` into "0.1" and `yes` into "True"."""
    quiz = course / QUIZ
    text = quiz.read_text()
    first_option = text.index("      - text:", text.index("id: what-base-does"))
    end = text.index("\n", first_option)
    quiz.write_text(text[:first_option] + "      - text: 0.10" + text[end:])
    edit(quiz, "      - text:", "      - text: yes\n      - text:", 2)  # a wrong option `yes` in a later question
    edit(course / PAGE, "title: Base vs instruct models\n", "title: 0.10\n")
    write_notebooks(course)
    site = tmp_path / "site"
    result = build(course, site)
    assert result.returncode == 0, result.stdout
    html = (site / "lessons/base-vs-instruct/index.html").read_text()
    assert "<span>0.10</span>" in html and "<span>yes</span>" in html
    assert "<title>0.10 - " in html
