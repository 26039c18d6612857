# The two commands of the README:
#   make site   set everything up and build the site from articles/ into site/
#   make test   set everything up (Chromium included) and run the whole test suite
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin

.PHONY: site test setup browser serve

site: setup
	$(BIN)/digest build

test: setup browser
	$(BIN)/ruff check .
	$(BIN)/pytest

serve: setup
	$(BIN)/digest serve

setup: $(VENV)/.installed

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --disable-pip-version-check -e '.[test]'
	touch $@

browser:
	bash scripts/install-browser.sh
