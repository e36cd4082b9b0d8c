# The two commands a newcomer needs: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000

.PHONY: run test install lint format clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Reinstall only when the dependencies change.
$(VENV)/.installed: pyproject.toml | $(BIN)/python
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

install: $(VENV)/.installed

## Serve the demo network on http://localhost:$(PORT)/ and http://<chapter>.localhost:$(PORT)/
# DEMO_PORT: the demo's sites and the links in its emails carry the port it is served on.
# DEBUG is off (our 404 and 500 pages), so runserver serves the static files with --insecure.
run: export DEMO_PORT = $(PORT)
run: install
	PYTHON=$(BIN)/python bash scripts/translations.sh
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py load_demo_network --port $(PORT)
	$(BIN)/python manage.py runserver --insecure 127.0.0.1:$(PORT)

## Everything CI checks, against a throwaway PostgreSQL cluster.
test: install
	PATH="$(CURDIR)/$(BIN):$$PATH" bash scripts/test.sh

lint: install
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: install
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

clean:
	rm -rf $(VENV) db.sqlite3 db.sqlite3-wal db.sqlite3-shm media private_media exports artifacts node_modules
