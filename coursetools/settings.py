"""The course's settings: the options of the `course` plugin in mkdocs.yml, declared once.

`CourseConfig` is the plugin's typed config (coursetools/plugin.py): the engine validates these
options with it before the build starts, and names a wrong one. Tools that run without an engine
(the notebooks, the scaffold, the tests) read the same options through `read()`, which validates
them with the same class, so every reader sees one typed value of each setting.
"""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import base
from mkdocs.config import config_options as c

from .loading import read_config

# The plugin's name: its entry point in pyproject.toml and its entry under `plugins:` in mkdocs.yml.
PLUGIN = "course"


class Budget(base.Config):
    """What one lesson may cost, all its blocks run as a reader runs them (coursetools.cost)."""

    seconds = c.Optional(c.Type((int, float)))
    memory_gb = c.Optional(c.Type((int, float)))


class CourseConfig(base.Config):
    # Prefix of every localStorage key the site writes; change it and readers' answers reset.
    storage_namespace = c.Type(str, default="course")
    # What every lesson's code needs, pinned in the requirements files.
    install = c.ListOfItems(c.Type(str), default=[])
    budget = c.SubConfig(Budget)
    # Track number (a string key: "1") to its name.
    tracks = c.DictOfItems(c.Type(str), default={})

    def budget_limits(self) -> dict:
        """The budget's limits that are set, as cost.over_budget() takes them."""
        return {key: value for key, value in self.budget.items() if value is not None}


class SettingsError(ValueError):
    pass


def plugin_options(config: dict, mkdocs_yml: Path) -> dict:
    """The options given to the course plugin under `plugins:` ({} for none)."""
    for entry in config.get("plugins") or []:
        if entry == PLUGIN:
            return {}
        if isinstance(entry, dict) and PLUGIN in entry:
            return entry[PLUGIN] or {}
    raise SettingsError(
        f"{mkdocs_yml}: `plugins:` has no `{PLUGIN}` entry\n    fix: add `- {PLUGIN}:` under `plugins:`"
    )


def read(mkdocs_yml: Path) -> CourseConfig:
    """The settings as the build reads them, for tools that run without the engine."""
    config = read_config(mkdocs_yml.read_text(encoding="utf-8"))
    settings = CourseConfig(config_file_path=str(mkdocs_yml))
    settings.load_dict(plugin_options(config, mkdocs_yml))
    errors, _ = settings.validate()
    if errors:
        problems = "\n".join(f"{mkdocs_yml}: plugins: {PLUGIN}: {key}: {error}" for key, error in errors)
        raise SettingsError(problems)
    return settings
