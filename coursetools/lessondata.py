"""A lesson's YAML data (front matter, terms.yml, quiz.yml) read with the line of every value and
checked against its JSON Schema in coursetools/schemas/.

The schemas say what fields there are and what each holds; editors read the same files (the
`# yaml-language-server: $schema=…` header), so a contributor sees the problem while typing.
What a schema can't say (ids unique across the course, exactly one correct answer, terms used
in the text) is checked in coursetools/checks.py. Each schema problem is reported at its line,
with a message from the schema's own `errorMessage`, `description` and `examples`.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass, field
from functools import cache
from pathlib import Path

import yaml
from jsonschema import Draft202012Validator

SCHEMAS = Path(__file__).resolve().parent / "schemas"
# The schema of each kind of lesson data, by file name in coursetools/schemas/.
SCHEMA_FILES = {"lesson": "lesson.schema.json", "terms": "terms.schema.json", "quiz": "quiz.schema.json"}
# What the first line of terms.yml and quiz.yml says, so that editors validate them.
HEADER = "# yaml-language-server: $schema="

# libyaml's parser when PyYAML was built with it: parsing every lesson's data on every build
# is a visible share of build time in pure Python.
_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)

# YAML 1.2's core schema, as editors read the files: `yes` and `on` are text, not true/false.
_NULL = re.compile(r"^(?:~|null|Null|NULL|)$")
_BOOL = {"true": True, "True": True, "TRUE": True, "false": False, "False": False, "FALSE": False}
_INT = re.compile(r"^[-+]?[0-9]+$")
_FLOAT = re.compile(r"^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)(?:[eE][-+]?[0-9]+)?$")


@dataclass
class Data:
    """One YAML document three ways: `typed` as an editor (and the schema) reads it, `written`
    with every value as the text it is written as (an option `0.10` stays "0.10"), and the line
    of every path (a key's line for a mapping's entry)."""

    typed: object = None
    written: object = None
    lines: dict[tuple, int] = field(default_factory=dict)

    def line(self, path: tuple) -> int:
        while path and path not in self.lines:
            path = path[:-1]
        return self.lines.get(path, 1)


def parse(text: str, first_line: int = 1) -> Data:
    """The document in `text` (raises yaml.YAMLError); `first_line` is the line `text` starts on."""
    data = Data()
    node = yaml.compose(text, Loader=_Loader)
    if node is not None:
        data.typed, data.written = _read(node, (), data.lines, first_line - 1)
    return data


def _read(node, path: tuple, lines: dict, offset: int):
    lines.setdefault(path, node.start_mark.line + 1 + offset)
    if isinstance(node, yaml.MappingNode):
        typed, written = {}, {}
        for key_node, value_node in node.value:
            key = str(key_node.value)
            lines[(*path, key)] = key_node.start_mark.line + 1 + offset
            typed[key], written[key] = _read(value_node, (*path, key), lines, offset)
        return typed, written
    if isinstance(node, yaml.SequenceNode):
        pairs = [_read(item, (*path, i), lines, offset) for i, item in enumerate(node.value)]
        return [t for t, _ in pairs], [w for _, w in pairs]
    value = node.value
    if node.style:  # quoted or a block scalar: always text (plain is None, or "" from libyaml)
        return value, value
    if _NULL.match(value):
        return None, None
    if value in _BOOL:
        return _BOOL[value], value
    if _INT.match(value):
        return int(value), value
    if _FLOAT.match(value):
        return float(value), value
    return value, value


@cache
def schema(kind: str) -> dict:
    return json.loads((SCHEMAS / SCHEMA_FILES[kind]).read_text(encoding="utf-8"))


@cache
def _validator(kind: str) -> Draft202012Validator:
    return Draft202012Validator(schema(kind))


def header(kind: str) -> str:
    """The editor header of a lesson's data file (docs/lessons/<slug>/<file>.yml)."""
    return f"{HEADER}../../../coursetools/schemas/{SCHEMA_FILES[kind]}"


def schema_at(kind: str, path: tuple) -> dict:
    """The subschema that describes the value at `path` ({} where the schema says nothing)."""
    root = schema(kind)
    node = root
    for step in path:
        if "$ref" in node:
            node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
        node = node.get("items", {}) if isinstance(step, int) else node.get("properties", {}).get(step, {})
    if "$ref" in node:
        node = root["$defs"][node["$ref"].rsplit("/", 1)[-1]]
    return node


def fields(kind: str) -> dict[str, tuple[bool, dict]]:
    """Every field the schema declares, as `questions[].options[].text` etc., with whether it is
    required and its subschema: what CONTRIBUTING.md's field tables list."""
    found: dict[str, tuple[bool, dict]] = {}

    def walk(node: dict, prefix: str, path: tuple) -> None:
        if node.get("type") == "array":
            walk(schema_at(kind, (*path, 0)), f"{prefix}[]" if prefix else "", (*path, 0))
            return
        for name in node.get("properties", {}):
            dotted = f"{prefix}.{name}" if prefix else name
            found[dotted] = (name in node.get("required", []), schema_at(kind, (*path, name)))
            walk(found[dotted][1], dotted, (*path, name))

    walk(schema_at(kind, ()), "", ())
    return found


def inline(value) -> str:
    """A value as YAML's flow style writes it, for a fix (`[peft, trl]`, `true`)."""
    if isinstance(value, bool):
        return "true" if value else "false"
    if isinstance(value, list):
        return f"[{', '.join(inline(v) for v in value)}]"
    return str(value)


@dataclass
class Issue:
    """A schema problem: where, what, and how to fix it (coursetools.loading makes it a Problem)."""

    line: int
    message: str
    fix: str


def check(kind: str, data: Data, label, root_line: int | None = None) -> list[Issue]:
    """Every way `data` breaks its schema, one issue per value, in file order. `label(path)`
    names the thing at a path for a contributor ("question 'what-base-does'"); `root_line` is
    where a field missing from the top level is reported (default: the document's line)."""
    issues: dict[tuple, Issue] = {}
    for error in _validator(kind).iter_errors(data.typed):
        path = tuple(error.absolute_path)
        if error.validator == "required":
            for key in error.validator_value:
                if not isinstance(error.instance, dict) or key in error.instance:
                    continue
                line = root_line if not path and root_line is not None else data.line(path)
                issues.setdefault((*path, key), Issue(line, f"{label(path)} has no `{key}`", _add(kind, (*path, key))))
            continue
        if error.validator == "additionalProperties":
            known = error.schema.get("properties", {})
            unknown = sorted(k for k in error.instance if k not in known)
            issues.setdefault(
                (*path, "?"),
                Issue(
                    data.line(path),
                    f"{label(path)} has unknown key(s): {', '.join(unknown)}",
                    f"use only {', '.join(sorted(known))} (check the spelling)",
                ),
            )
            continue
        # The value the message is about: the nearest one whose schema says what it must be.
        while path and "errorMessage" not in schema_at(kind, path):
            path = path[:-1]
        if path in issues:
            continue
        issues[path] = _invalid(kind, data, path, label)
    return [issues[path] for path in sorted(issues, key=lambda p: (issues[p].line, str(p)))]


def _add(kind: str, path: tuple) -> str:
    node = schema_at(kind, path)
    example = node.get("examples", ["…"])[0] if node.get("type") in ("integer", "boolean") else "…"
    return f"add `{path[-1]}: {inline(example)}`: {_about(node)}"


def _invalid(kind: str, data: Data, path: tuple, label) -> Issue:
    node = schema_at(kind, path)
    typed, written = _at(data.typed, path), _at(data.written, path)
    if not path or isinstance(path[-1], int):
        return Issue(data.line(path), f"{label(path)} {node['errorMessage']}", f"write it {_shape(kind, path)}")
    key, parent = path[-1], schema_at(kind, path[:-1])
    if key in parent.get("required", []) and (typed is None or (isinstance(typed, str) and not typed.strip())):
        return Issue(data.line(path), f"{label(path[:-1])} has no `{key}`", _add(kind, path))
    shown = f", not {written!r}" if isinstance(written, str) else ""
    items = schema_at(kind, (*path, 0)) if node.get("type") == "array" else {}
    how = f"write it {_shape(kind, path)}" if "properties" in items else f"write `{key}: {inline(node['examples'][0])}`"
    return Issue(data.line(path), f"{label(path[:-1])} `{key}` {node['errorMessage']}{shown}", f"{how}: {_about(node)}")


def _shape(kind: str, path: tuple) -> str:
    """How a mapping, or a list of mappings, is written: what a fix says for one."""
    node = schema_at(kind, path)
    if node.get("type") == "array":
        item = schema_at(kind, (*path, 0))
        required = item.get("required", [])
        return f"as a list of `- {required[0]}: …` entries, each with {', '.join(f'`{k}`' for k in required)}"
    return f"as a mapping with {', '.join(f'`{k}`' for k in node.get('required', []))} (see CONTRIBUTING.md)"


def _about(node: dict) -> str:
    return node.get("description", "see CONTRIBUTING.md")


def _at(value, path: tuple):
    for step in path:
        try:
            value = value[step]
        except (KeyError, IndexError, TypeError):
            return None
    return value
