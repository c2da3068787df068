"""MkDocs hooks: validate the course, then render lesson data into pages.

Registered in mkdocs.yml under `hooks:`. Validation runs in on_config, before any page is
written, so a broken lesson stops the build with every problem listed and publishes nothing.
"""

from __future__ import annotations

import sys
from pathlib import Path

from mkdocs.exceptions import PluginError

# MkDocs loads a hook as a lone file, not as part of its package: make the package importable.
sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from coursetools import cost, notebook, outputs, render, widgets  # noqa: E402
from coursetools.lessons import KEY_TERMS_MARKER, QUIZ_MARKER, LessonError, includes, load_course  # noqa: E402

LESSON_LIST_MARKER = "<!-- course:lessons -->"
GLOSSARY_MARKER = "<!-- course:glossary -->"
INSTALL_MARKER = "<!-- course:install -->"
HARDWARE_MARKER = "<!-- course:hardware -->"

_course: dict = {}


def on_startup(command, dirty):
    # `mkdocs serve` keeps each lesson's notebook up to date as its page is edited; a build
    # (what CI and Pages run) refuses a notebook that no longer matches its page instead.
    _course["command"] = command


def on_config(config):
    mkdocs_yml = Path(config.config_file_path)
    root = mkdocs_yml.parent
    docs_dir = Path(config.docs_dir)
    snippets_dir = root / "snippets"
    try:
        lessons = load_course(docs_dir, snippets_dir, config.nav, mkdocs_yml)
    except LessonError as error:
        raise PluginError(str(error)) from None
    course = config.extra.get("course", {})
    try:
        installs = render.installs(root, mkdocs_yml, [str(n) for n in course.get("install", [])], lessons)
    except ValueError as error:
        raise PluginError(str(error)) from None
    if _course.get("command") == "serve":
        for lesson in lessons:
            notebook.write(lesson, snippets_dir, installs[lesson.slug])
    else:
        stale = notebook.stale(lessons, snippets_dir, installs)
        if stale:
            listing = "\n".join(
                f"{path.relative_to(root)}:1: out of date with its page, snippets or outputs" for path in stale
            )
            raise PluginError(
                f"{listing}\n    fix: run `make notebooks` (make outputs does it too) and commit the notebooks"
            )
    costs = {
        lesson.slug: cost.of_lesson(rec for _, rec in lesson_recordings(lesson, snippets_dir)) for lesson in lessons
    }
    budget = course.get("budget", {})
    over = [
        f"{lesson.page.relative_to(root)}:1: lesson {lesson.number} is over the course's budget: {'; '.join(problems)}"
        for lesson in lessons
        if (problems := cost.over_budget(costs[lesson.slug], budget))
    ]
    if over:
        raise PluginError(
            "\n".join(over) + "\n    fix: make its blocks lighter (fewer steps, shorter inputs, one model at a time), "
            f"then `make outputs LESSON=<slug>`; the budget is extra.course.budget in {mkdocs_yml.name}"
        )
    _course.update(
        costs=costs,
        lesson_install={lesson.src_uri: installs[lesson.slug] for lesson in lessons},
        lessons=lessons,
        by_page={lesson.src_uri: lesson for lesson in lessons},
        terms=[term for lesson in lessons for term in lesson.terms],
        tracks=course.get("tracks", {}),
        namespace=course.get("storage_namespace", "course"),
        snippets_dir=snippets_dir,
        install=installs[""],
        widgets=widgets.Widgets.for_site(config.theme.dirs, root),
    )
    return config


def lesson_recordings(lesson, snippets_dir: Path) -> list:
    """(path, Recording) of every recorded output the lesson's page includes, in page order."""
    found = []
    for include in lesson.includes:
        path = snippets_dir / include.target
        if include.kind == "output" and path.is_file():
            found.append((path, outputs.read(path)))
    return found


def _publish_figures(files, config):
    """Publish each figure a lesson's recordings show beside the lesson page, where they link it."""
    from mkdocs.structure.files import File

    for lesson in _course["lessons"]:
        folder = str(Path(lesson.src_uri).parent)
        for path, recording in lesson_recordings(lesson, _course["snippets_dir"]):
            for figure in recording.figures:
                uri = f"{folder}/{outputs.FIGURES_URL}/{figure['file']}"
                if files.get_file_from_path(uri) is None:
                    files.append(File.generated(config, uri, abs_src_path=str(path.parent / figure["file"])))
    return files


def on_page_markdown(markdown, page, config, files):
    src = page.file.src_uri
    page_dir = str(Path(src).parent) if "/" in src else ""
    lesson = _course["by_page"].get(src)
    if lesson is not None:
        # The page title as written: MkDocs' own YAML would read a title like `0.10` as 0.1.
        page.meta["title"] = lesson.title
        # The outcome goes right under the page title.
        head, _, rest = markdown.partition("\n")
        if head.startswith("# "):
            colab = render.colab_url(
                config.edit_uri, notebook.notebook_path(lesson).relative_to(config.docs_dir).as_posix()
            )
            takes = cost.lesson_words(_course["costs"][lesson.slug])
            markdown = f"{head}\n\n{_course['widgets'].outcome(lesson, colab, takes)}\n{rest}"
        markdown = markdown.replace(KEY_TERMS_MARKER, _course["widgets"].key_terms(lesson))
    if LESSON_LIST_MARKER in markdown:
        markdown = markdown.replace(
            LESSON_LIST_MARKER,
            _course["widgets"].lesson_list(_course["lessons"], _course["tracks"], page_dir, _course["costs"]),
        )
    if HARDWARE_MARKER in markdown:
        markdown = markdown.replace(HARDWARE_MARKER, cost.course_words(_course["costs"].values()))
    if INSTALL_MARKER in markdown:
        # A lesson shows what it installs; the home page, what every lesson needs.
        command = _course["lesson_install"][src] if lesson is not None else _course["install"]
        markdown = markdown.replace(INSTALL_MARKER, render.install_block(command))
    glossary = GLOSSARY_MARKER in markdown
    if glossary:
        markdown = markdown.replace(GLOSSARY_MARKER, _course["widgets"].glossary(_course["lessons"], page_dir))
    # Not on the glossary, where every term's definition is on the page already: there the
    # tooltips were 291 abbr elements whose set-up held a phone's main thread for a second.
    if src.endswith(".md") and not glossary:
        markdown += "\n\n" + render.abbreviations(_terms_used(markdown)) + "\n"
    return markdown


def _terms_used(markdown: str) -> list:
    """The terms named in the page or in a file it includes. Giving every page every term of the
    course makes each page's build grow with the course (the abbr extension matches them all)."""
    text = markdown + "".join(
        path.read_text(encoding="utf-8")
        for include in includes(markdown)
        if (path := _course["snippets_dir"] / include.target).is_file()
    )
    return [term for term in _course["terms"] if any(name in text for name in (term.term, *term.aliases))]


def on_page_content(html, page, config, files):
    if page.file.src_uri.endswith(".ipynb"):
        # A lesson's notebook repeats its page's code: leave it out of search, so a search
        # lands on the lesson, and the index readers download doesn't carry everything twice.
        page.meta["search"] = {"exclude": True}
        # The notebook is generated from its page: there is nothing in it to edit by hand.
        page.edit_url = None
        alts = render.notebook_alts(Path(page.file.abs_src_path).read_text(encoding="utf-8"))
        return render.light_code(render.notebook_page(Path(page.file.src_uri).name, html, alts))
    if "data-course-progress" in html or "course-lesson-status" in html:
        # The pages that show the reader's progress carry the course manifest inline, so
        # progress.js lays them out in the same frame as the page instead of after fetching
        # course.json, which moved what was below (layout shift, Lighthouse CLS 0.4).
        html += render.inline_manifest(_course["manifest"])
    html = render.light_code(render.first_tooltips(render.lazy_figures(html)))
    lesson = _course["by_page"].get(page.file.src_uri)
    if lesson is None:
        return html
    return html.replace(QUIZ_MARKER, _course["widgets"].quiz(lesson, _course["namespace"]))


def on_files(files, config):
    """Publish the recorded figures, and the course manifest that the reader's progress is
    computed from (progress.js)."""
    from mkdocs.structure.files import File

    files = _publish_figures(files, config)

    from coursetools import progress

    urls = {lesson.src_uri: files.get_file_from_path(lesson.src_uri).url for lesson in _course["lessons"]}
    content = progress.manifest_json(_course["lessons"], _course["tracks"], _course["namespace"], urls)
    _course["manifest"] = content
    files.append(File.generated(config, progress.MANIFEST, content=content))
    return files


def on_post_build(config):
    """Publish the course's own scripts and stylesheet minified (Material's ship minified): the
    sources in docs/ stay readable, readers download less on every page."""
    import rcssmin
    import rjsmin

    site = Path(config.site_dir)
    for name in config.extra_javascript:
        path = site / str(name)
        if path.suffix == ".js" and path.is_file():
            path.write_text(rjsmin.jsmin(path.read_text(encoding="utf-8")), encoding="utf-8")
    for name in config.extra_css:
        path = site / str(name)
        if path.suffix == ".css" and path.is_file():
            path.write_text(rcssmin.cssmin(path.read_text(encoding="utf-8")), encoding="utf-8")
