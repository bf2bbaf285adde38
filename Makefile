# Our Voice. Quick start: `make run` (serve on http://127.0.0.1:5000) and `make test`.
PYTHON ?= python3
VENV ?= .venv
BIN := $(VENV)/bin
PORT ?= 5000
LANGS := $(filter-out messages.pot,$(notdir $(wildcard translations/*)))

.PHONY: help install run test lint format translations translations-extract translations-update translations-init translations-compile browser-deps

help: ## Show the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  %-22s %s\n", $$1, $$2}'

$(BIN)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e ".[test]"
	touch $@

install: $(BIN)/.installed ## Create the virtual environment and install the project

run: install translations-compile ## Migrate the SQLite database, load surveys/ and serve on 127.0.0.1:$(PORT)
	$(BIN)/ourvoice db upgrade
	$(BIN)/ourvoice surveys load
	$(BIN)/ourvoice serve --host 127.0.0.1 --port $(PORT) --workers 2

test: install translations-compile browser-deps ## Run ruff and every test (browser tests need Chromium)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/pytest

lint: install ## Check style
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install ## Fix style
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

browser-deps: ## axe-core from npm, and Debian's Chromium where apt can install it
	@if command -v npm >/dev/null 2>&1; then \
		[ -f node_modules/axe-core/axe.min.js ] || npm install --no-audit --no-fund --silent; \
	else echo "npm not found: browser tests will be skipped (install Node.js to run them)"; fi
	@if [ ! -x /usr/bin/chromium ]; then \
		if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null 2>&1; then \
			apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium chromium-driver fonts-noto-color-emoji >/dev/null; \
		else echo "Chromium not found at /usr/bin/chromium: browser tests will be skipped (sudo apt-get install chromium)"; fi; \
	fi

translations: translations-extract translations-update translations-compile ## Extract, update and compile catalogs

translations-extract: install ## Collect marked strings into translations/messages.pot
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext --no-location --sort-output -o translations/messages.pot .

translations-update: install ## Merge messages.pot into every language's catalog
	@for lang in $(LANGS); do $(BIN)/pybabel update -i translations/messages.pot -d translations -l $$lang --no-fuzzy-matching; done

translations-init: install ## Start the catalog of a new language: make translations-init LANG=so
	$(BIN)/pybabel init -i translations/messages.pot -d translations -l $(LANG)

translations-compile: install ## Build the .mo files the app reads (not committed)
	@if [ -n "$(LANGS)" ]; then $(BIN)/pybabel compile --statistics -d translations; fi
