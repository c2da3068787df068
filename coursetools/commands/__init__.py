"""The course's commands beyond the build: each module has a `main(argv)` that
`python -m coursetools <command>` (coursetools/__main__.py) calls."""
