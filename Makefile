# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
FLASK  := $(BIN)/flask --app tracker
HOST   ?= 127.0.0.1
PORT   ?= 5000

.PHONY: venv run test e2e lint security format migrate stress bench eval-matching translations translations-update clean

# npm installs the browser assets the app serves itself (Tom Select) into node_modules/.
$(BIN)/.installed: pyproject.toml package-lock.json
	npm ci --omit=dev --no-audit --no-fund
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -e '.[dev]'
	touch $@

venv: $(BIN)/.installed

## run: install, migrate, load demo data on first run, serve on 127.0.0.1:5000
run: venv translations
	$(FLASK) db upgrade
	$(FLASK) seed-glossary
	$(FLASK) seed-demo --first-run --url http://$(HOST):$(PORT)
	# The webhooks' deliveries go out from a thread of this one process (docs/production.md).
	TRACKER_WEBHOOK_WORKER=true $(FLASK) run --host $(HOST) --port $(PORT)

## test: the whole suite (SQLite; set TEST_DATABASE_URL for PostgreSQL)
test: venv translations
	@echo "(real-browser journeys are marked e2e and not run here: make e2e)"
	$(BIN)/pytest -m "not e2e"

## e2e: real-browser journeys, axe-core checks and screenshots (test-results/screenshots/);
## they drive Debian's Chromium (apt-get install chromium fonts-noto-cjk) and skip without it
e2e: venv translations
	$(BIN)/python -m pip install --quiet -e '.[dev,e2e]'
	$(BIN)/pytest -m e2e tests/e2e

## stress: gunicorn (4 workers) and 8 clients writing for 20 s, on SQLite then PostgreSQL
stress: venv
	$(BIN)/python -m pip install --quiet -e '.[dev,prod]'
	$(BIN)/python scripts/stress.py --database sqlite
	$(BIN)/python scripts/stress.py --database postgresql

## bench: the data set of issue 10 on SQLite and PostgreSQL (writes bench/results.md), and how fast
## hostile import files are refused, and the matchmaking day's solver (bench/schedule.py)
bench: venv
	$(BIN)/python -m pip install --quiet -e '.[dev,prod]'
	$(BIN)/python bench/run.py
	$(BIN)/python bench/hostile_files.py
	$(BIN)/python bench/schedule.py

## eval-matching: top-1, top-3 and MRR of the partner suggestions on the labelled needs of
## bench/matching, also among 1,000 partners; e.g. EVAL_ARGS="--split tune --show-misses"
eval-matching: venv
	$(BIN)/python bench/eval_matching.py $(EVAL_ARGS)

## translations: compile the catalogues (.po -> .mo; the .mo files are build output, not in git)
translations: venv
	$(BIN)/pybabel compile --statistics -d tracker/translations

## translations-update: collect the messages from code and templates, merge them into the
## catalogues; then translate the new (empty or fuzzy) entries in zh and de and run make test
translations-update: venv
	$(BIN)/pybabel extract -F babel.cfg -k _l -k lazy_gettext -k _lp:1c,2 --add-location=file \
		--ignore-dirs '.* node_modules __pycache__' \
		--sort-by-file --project=tracker -o tracker/translations/messages.pot .
	$(BIN)/pybabel update -i tracker/translations/messages.pot -d tracker/translations \
		--ignore-obsolete --ignore-pot-creation-date

## lint: ruff, and import-linter's contracts for the layers (pyproject.toml, docs/architecture.md)
lint: venv
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/lint-imports

## security: bandit over the app; medium and high findings fail (low ones are reviewed by hand)
security: venv
	$(BIN)/bandit -r tracker -ll -q

format: venv
	$(BIN)/ruff check --fix .
	$(BIN)/ruff format .

## migrate: autogenerate a migration after a model change (then read and fix the script)
migrate: venv
	$(FLASK) db migrate -m "$(m)"

clean:
	rm -rf $(VENV) .pytest_cache .ruff_cache
