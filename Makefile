# Two commands on a fresh machine: `make build`, then `make test`.
# Both create .venv in the repo and install the pinned packages first.

PYTHON ?= python3
export NO_MKDOCS_2_WARNING := 1
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: build test serve check-pages check-links clean

$(STAMP): requirements.txt
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --requirement requirements.txt
	touch $@

## build: install the pinned packages and build site/ with the strict build
build: $(STAMP)
	$(BIN)/mkdocs build --strict

## test: install what the tests need, then run the whole suite
test: $(STAMP)
	$(BIN)/python -m pytest

## serve: live preview on http://127.0.0.1:8000/
serve: $(STAMP)
	$(BIN)/mkdocs serve

## check-pages: page schema, citations and references only (no build)
check-pages: $(STAMP)
	$(BIN)/python scripts/check_pages.py docs

## check-links: linkchecker over the built site/, served on 127.0.0.1
check-links: build
	$(BIN)/python scripts/check_links.py site

clean:
	rm -rf site .pytest_cache
