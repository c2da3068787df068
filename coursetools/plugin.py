"""The MkDocs plugin `course`: validate the course, then render lesson data into pages.

Registered as the `mkdocs.plugins` entry point `course` (pyproject.toml; ProperDocs reads that
group too) and enabled under `plugins:` in mkdocs.yml, last, so its events run after search's and
mkdocs-jupyter's, as the hooks it replaces did. Its options are `CourseConfig`
(coursetools/settings.py), validated by the engine. Validation of the lessons runs in on_config,
before any page is written, so a broken lesson stops the build with every problem listed and
publishes nothing. What one build learns lives on the plugin instance, reset in each on_config
(`mkdocs serve` keeps the instance across rebuilds).
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.exceptions import PluginError
from mkdocs.plugins import BasePlugin
from mkdocs.structure.files import File

from . import cost, notebook, outputs, progress, render, widgets
from .lessons import KEY_TERMS_MARKER, QUIZ_MARKER, LessonError, includes, load_course
from .settings import PLUGIN, CourseConfig

LESSON_LIST_MARKER = "<!-- course:lessons -->"
GLOSSARY_MARKER = "<!-- course:glossary -->"
INSTALL_MARKER = "<!-- course:install -->"
HARDWARE_MARKER = "<!-- course:hardware -->"


class CoursePlugin(BasePlugin[CourseConfig]):
    command: str | None = None

    def on_startup(self, *, command, dirty):
        # `mkdocs serve` keeps each lesson's notebook up to date as its page is edited; a build
        # (what CI and Pages run) refuses a notebook that no longer matches its page instead.
        self.command = command

    def on_config(self, config):
        mkdocs_yml = Path(config.config_file_path)
        root = mkdocs_yml.parent
        self.snippets_dir = snippets_dir = root / "snippets"
        try:
            lessons = load_course(Path(config.docs_dir), snippets_dir, config.nav, mkdocs_yml)
            installs = render.installs(root, mkdocs_yml, self.config.install, lessons)
        except (LessonError, ValueError) as error:
            raise PluginError(str(error)) from None
        if self.command == "serve":
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
        self.costs = {
            lesson.slug: cost.of_lesson(rec for _, rec in outputs.lesson_recordings(lesson, snippets_dir))
            for lesson in lessons
        }
        over = [
            f"{lesson.page.relative_to(root)}:1: lesson {lesson.number} is over the course's budget: {'; '.join(problems)}"
            for lesson in lessons
            if (problems := cost.over_budget(self.costs[lesson.slug], self.config.budget_limits()))
        ]
        if over:
            raise PluginError(
                "\n".join(over)
                + "\n    fix: make its blocks lighter (fewer steps, shorter inputs, one model at a time), "
                f"then `make outputs LESSON=<slug>`; the budget is `budget:` of the {PLUGIN} plugin in {mkdocs_yml.name}"
            )
        self.lessons = lessons
        self.lesson_install = {lesson.src_uri: installs[lesson.slug] for lesson in lessons}
        self.by_page = {lesson.src_uri: lesson for lesson in lessons}
        self.terms = [term for lesson in lessons for term in lesson.terms]
        self.install = installs[""]
        self.widgets = widgets.Widgets.for_site(config.theme.dirs, root)
        return config

    def on_files(self, files, config):
        """Publish the recorded figures, and the course manifest that the reader's progress is
        computed from (progress.js)."""
        self._publish_figures(files, config)
        urls = {lesson.src_uri: files.get_file_from_path(lesson.src_uri).url for lesson in self.lessons}
        self.manifest = progress.manifest_json(self.lessons, self.config.tracks, self.config.storage_namespace, urls)
        files.append(File.generated(config, progress.MANIFEST, content=self.manifest))
        return files

    def _publish_figures(self, files, config):
        """Publish each figure a lesson's recordings show beside the lesson page, where they link it."""
        for lesson in self.lessons:
            folder = str(Path(lesson.src_uri).parent)
            for path, recording in outputs.lesson_recordings(lesson, self.snippets_dir):
                for figure in recording.figures:
                    uri = f"{folder}/{outputs.FIGURES_URL}/{figure['file']}"
                    if files.get_file_from_path(uri) is None:
                        files.append(File.generated(config, uri, abs_src_path=str(path.parent / figure["file"])))

    def on_page_markdown(self, markdown, *, page, config, files):
        src = page.file.src_uri
        page_dir = str(Path(src).parent) if "/" in src else ""
        lesson = self.by_page.get(src)
        if lesson is not None:
            # The page title as written: MkDocs' own YAML would read a title like `0.10` as 0.1.
            page.meta["title"] = lesson.title
            # The outcome goes right under the page title.
            head, _, rest = markdown.partition("\n")
            if head.startswith("# "):
                colab = render.colab_url(
                    config.edit_uri, notebook.notebook_path(lesson).relative_to(config.docs_dir).as_posix()
                )
                takes = cost.lesson_words(self.costs[lesson.slug])
                markdown = f"{head}\n\n{self.widgets.outcome(lesson, colab, takes)}\n{rest}"
            markdown = markdown.replace(KEY_TERMS_MARKER, self.widgets.key_terms(lesson))
        if LESSON_LIST_MARKER in markdown:
            lesson_list = self.widgets.lesson_list(self.lessons, self.config.tracks, page_dir, self.costs)
            markdown = markdown.replace(LESSON_LIST_MARKER, lesson_list)
        if HARDWARE_MARKER in markdown:
            markdown = markdown.replace(HARDWARE_MARKER, cost.course_words(self.costs.values()))
        if INSTALL_MARKER in markdown:
            # A lesson shows what it installs; the home page, what every lesson needs.
            command = self.lesson_install[src] if lesson is not None else self.install
            markdown = markdown.replace(INSTALL_MARKER, render.install_block(command))
        glossary = GLOSSARY_MARKER in markdown
        if glossary:
            markdown = markdown.replace(GLOSSARY_MARKER, self.widgets.glossary(self.lessons, page_dir))
        # Not on the glossary, where every term's definition is on the page already: there the
        # tooltips were 291 abbr elements whose set-up held a phone's main thread for a second.
        if src.endswith(".md") and not glossary:
            markdown += "\n\n" + render.abbreviations(self._terms_used(markdown)) + "\n"
        return markdown

    def _terms_used(self, markdown: str) -> list:
        """The terms named in the page or in a file it includes. Giving every page every term of the
        course makes each page's build grow with the course (the abbr extension matches them all)."""
        text = markdown + "".join(
            path.read_text(encoding="utf-8")
            for include in includes(markdown)
            if (path := self.snippets_dir / include.target).is_file()
        )
        return [term for term in self.terms if any(name in text for name in (term.term, *term.aliases))]

    def on_page_content(self, html, *, page, config, files):
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
            html += render.inline_manifest(self.manifest)
        html = render.light_code(render.first_tooltips(render.lazy_figures(html)))
        lesson = self.by_page.get(page.file.src_uri)
        if lesson is None:
            return html
        return html.replace(QUIZ_MARKER, self.widgets.quiz(lesson, self.config.storage_namespace))

    def on_post_build(self, *, config):
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
