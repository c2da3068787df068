"""The lesson data schemas (coursetools/schemas/) are what editors and the build both check
against: each is a valid JSON Schema, and every lesson's data file names its schema so an editor
validates it while the contributor types."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from coursetools import lessondata
from coursetools.lessons import ROOT


@pytest.mark.parametrize("kind", sorted(lessondata.SCHEMA_FILES))
def test_each_schema_is_a_valid_json_schema(kind):
    Draft202012Validator.check_schema(lessondata.schema(kind))
    for path, (_, node) in lessondata.fields(kind).items():
        assert node.get("description"), f"{kind}: `{path}` has no description (an editor shows it, a fix quotes it)"


def _editor_schema(path: Path) -> Path | None:
    """The schema an editor validates `path` against: the one its first line names."""
    first = path.read_text(encoding="utf-8").split("\n", 1)[0]
    return (
        (path.parent / first.removeprefix(lessondata.HEADER)).resolve() if first.startswith(lessondata.HEADER) else None
    )


def test_every_lessons_data_files_name_their_schema_for_editors():
    pages = sorted((ROOT / "docs" / "lessons").glob("*/index.md"))
    assert pages
    for page in pages:
        for kind in ("terms", "quiz"):
            path = page.parent / f"{kind}.yml"
            expected = lessondata.SCHEMAS / lessondata.SCHEMA_FILES[kind]
            assert _editor_schema(path) == expected, (
                f"{path.relative_to(ROOT)}: the first line must be `{lessondata.header(kind)}`, "
                "so that an editor with YAML support validates the file while it is written"
            )


def _field_tables() -> dict[str, dict[str, bool]]:
    """CONTRIBUTING.md's field tables, by the schema each names in the paragraph above it:
    {kind: {field: required}}."""
    lines = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8").splitlines()
    tables: dict[str, dict[str, bool]] = {}
    for start, line in enumerate(lines):
        if not line.startswith("| field | required |"):
            continue
        above = " ".join(lines[max(0, start - 4) : start])
        named = re.findall(r"coursetools/schemas/(\w+)\.schema\.json", above)
        assert len(named) == 1, f"CONTRIBUTING.md:{start + 1}: a field table names no schema (or several) above it"
        rows = {}
        for row in lines[start + 2 :]:
            if not row.startswith("|"):
                break
            cells = [cell.strip() for cell in row.strip("|").split("|")]
            rows[cells[0].strip("`")] = cells[1] == "yes"
        tables[named[0]] = rows
    return tables


def test_contributing_field_tables_match_the_schemas():
    tables = _field_tables()
    assert set(tables) == set(lessondata.SCHEMA_FILES), "CONTRIBUTING.md has one field table per schema"
    for kind, table in tables.items():
        declared = {field: required for field, (required, _) in lessondata.fields(kind).items()}
        assert table == declared, (
            f"CONTRIBUTING.md's table for {lessondata.SCHEMA_FILES[kind]} disagrees with the schema: "
            f"only in the table {sorted(table.keys() - declared.keys())}, "
            f"only in the schema {sorted(declared.keys() - table.keys())}, "
            f"required differs {sorted(f for f in table.keys() & declared.keys() if table[f] != declared[f])}"
        )


def test_contributings_examples_pass_their_schemas():
    """The YAML a contributor copies from CONTRIBUTING.md is valid as written."""
    text = (ROOT / "CONTRIBUTING.md").read_text(encoding="utf-8")
    examples = {}
    for block in re.findall(r"^```yaml\n(.*?)^```", text, re.S | re.M):
        named = re.match(rf"{re.escape(lessondata.HEADER)}\S*/(\w+)\.schema\.json\n", block)
        if named:
            examples[named.group(1)] = block
        elif block.startswith("---\n"):
            examples["lesson"] = block.strip("-\n")
    assert set(examples) == set(lessondata.SCHEMA_FILES), "CONTRIBUTING.md shows an example of each file"
    for kind, example in examples.items():
        issues = lessondata.check(kind, lessondata.parse(example), lambda path: "the example")
        assert issues == [], f"CONTRIBUTING.md's {kind} example: {issues}"
