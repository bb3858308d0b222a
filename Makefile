# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app tracker
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: venv run test lint format migrate stress clean

$(BIN)/.installed: pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

## run: install, migrate, load demo data on first run, serve on 127.0.0.1:5000
run: venv
	$(FLASK) db upgrade
	$(FLASK) seed-demo --first-run
	$(FLASK) run --host $(HOST) --port $(PORT)

## test: the whole suite (SQLite; set TEST_DATABASE_URL for PostgreSQL)
test: venv
	$(BIN)/pytest

## stress: gunicorn (4 workers) and 8 clients writing for 20 s, on SQLite then PostgreSQL
stress: venv
	$(BIN)/python -m pip install --quiet -e '.[dev,prod]'
	$(BIN)/python scripts/stress.py --database sqlite
	$(BIN)/python scripts/stress.py --database postgresql

lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## migrate: autogenerate a migration after a model change (then read and fix the script)
migrate: venv
	$(FLASK) db migrate -m "$(m)"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
