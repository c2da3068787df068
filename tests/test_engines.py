"""The course builds on two engines, MkDocs and ProperDocs, into the same pages.

Material for MkDocs reaches end of life in May 2027 and MkDocs 1.x is no longer maintained;
ProperDocs 1.6 (requirements.txt) continues it and reads the same mkdocs.yml, plugins (the course's own, found
through the `mkdocs.plugins` entry point group) and hooks.
Building with both on every change keeps a move to ProperDocs a one-line change, and keeps the
configuration from leaning on anything only one engine does. That a failed strict build
publishes nothing under either engine is tested in test_lesson_validation.py.
"""

from __future__ import annotations

import re

from course_copy import ROOT, build, site_differences

# The one line the engines may write differently: their name and version.
GENERATOR = re.compile(r'<meta name="generator" content="[^"]*">')


def test_properdocs_builds_the_pages_mkdocs_builds(built_site, tmp_path):
    site = tmp_path / "site"
    result = build(ROOT, site, "properdocs")
    assert result.returncode == 0, f"properdocs build --strict failed:\n{result.stdout}"
    home = (site / "index.html").read_text(encoding="utf-8")
    assert "ProperDocs" in GENERATOR.search(home).group(0), "the site was not built by ProperDocs"
    differences = site_differences(built_site, site, ignore=GENERATOR)
    assert not differences, "MkDocs and ProperDocs built different pages:\n" + "\n".join(differences[:10])
