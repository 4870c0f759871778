# Partnerregister: `make run` sets everything up and serves http://127.0.0.1:5000 (`make run PORT=8080`: another
# port); `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := REGISTRY_ENV=development $(BIN)/flask --app wsgi
STAMP := $(VENV)/.installed
# Only from the command line (`make run PORT=8080`): a plain assignment ignores a PORT variable that the
# environment may set for other purposes, so `make run` alone always serves on 5000.
PORT = 5000

.PHONY: run test system setup install translations migrate reference demo check-translations lint clean

run: setup demo
	$(FLASK) run --host 127.0.0.1 --port $(PORT)

# Every test on SQLite; then, when TEST_DATABASE_URL names PostgreSQL, everything but the
# browser tests again on it (the browser exercises the same views either way).
test: system install translations
	env -u TEST_DATABASE_URL $(BIN)/python -m pytest $(PYTEST_ARGS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
	  echo "== again on $$TEST_DATABASE_URL"; \
	  $(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS); \
	fi

setup: install translations migrate reference

# What the tests need from Debian: Chromium for the browser tests, pango, HarfBuzz and fonts for PDF letters,
# poppler's pdftotext to read them back. Installed when run as root, otherwise named.
SYSTEM_PACKAGES := chromium fonts-dejavu-core libpango-1.0-0 libpangoft2-1.0-0 libharfbuzz-subset0 poppler-utils
system:
	@missing=$$(for package in $(SYSTEM_PACKAGES); do dpkg -s $$package >/dev/null 2>&1 || echo $$package; done); \
	if [ -n "$$missing" ]; then \
	  if [ "$$(id -u)" = 0 ]; then \
	    echo "== installing $$missing"; \
	    DEBIAN_FRONTEND=noninteractive apt-get update -qq && \
	    DEBIAN_FRONTEND=noninteractive apt-get install -y -qq --no-install-recommends $$missing >/dev/null; \
	  else \
	    echo "The tests need these Debian packages: sudo apt-get install $$missing"; exit 1; \
	  fi; \
	fi

$(BIN)/python:
	$(PYTHON) -m venv $(VENV) || python3 -m venv $(VENV)

$(STAMP): pyproject.toml requirements.lock | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -c requirements.lock -e ".[test]"
	touch $(STAMP)

install: $(STAMP)

translations: install
	$(FLASK) translate compile > /dev/null

migrate: install
	mkdir -p instance
	$(FLASK) db upgrade

reference: migrate
	$(FLASK) municipalities load
	$(FLASK) checklists load

# The links in the demo's e-mails point to where `make run` serves.
demo: reference
	$(FLASK) demo load --base-url http://127.0.0.1:$(PORT)

check-translations: install
	$(FLASK) translate check

clean:
	rm -rf $(VENV) instance/*.sqlite* translations/*/LC_MESSAGES/*.mo
