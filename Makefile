# Partnerregister: `make run` sets everything up and serves http://127.0.0.1:5000; `make test` runs every test.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
FLASK := REGISTRY_ENV=development $(BIN)/flask --app wsgi
STAMP := $(VENV)/.installed

.PHONY: run test setup install translations migrate reference demo check-translations lint clean

run: setup demo
	$(FLASK) run --host 127.0.0.1 --port 5000

# Every test on SQLite; then, when TEST_DATABASE_URL names PostgreSQL, everything but the
# browser tests again on it (the browser exercises the same views either way).
test: install translations
	env -u TEST_DATABASE_URL $(BIN)/python -m pytest $(PYTEST_ARGS)
	@if [ -n "$$TEST_DATABASE_URL" ]; then \
	  echo "== again on $$TEST_DATABASE_URL"; \
	  $(BIN)/python -m pytest -m "not browser" $(PYTEST_ARGS); \
	fi

setup: install translations migrate reference

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

demo: reference
	$(FLASK) demo load

check-translations: install
	$(FLASK) translate check

clean:
	rm -rf $(VENV) instance/*.sqlite* translations/*/LC_MESSAGES/*.mo
