"""The lesson data schemas (coursetools/schemas/) are what editors and the build both check
against: each is a valid JSON Schema, and every lesson's data file names its schema so an editor
validates it while the contributor types."""

from __future__ import annotations

import pytest
from jsonschema import Draft202012Validator

from coursetools import lessondata


@pytest.mark.parametrize("kind", sorted(lessondata.SCHEMA_FILES))
def test_each_schema_is_a_valid_json_schema(kind):
    Draft202012Validator.check_schema(lessondata.schema(kind))
    for path, (_, node) in lessondata.fields(kind).items():
        assert node.get("description"), f"{kind}: `{path}` has no description (an editor shows it, a fix quotes it)"
