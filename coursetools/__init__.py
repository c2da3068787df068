"""Build and test tooling for the course site: model provision, recorded outputs, lesson data."""
