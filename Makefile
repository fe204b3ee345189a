# The two commands: `make run` and `make test`. Everything else is optional.
PYTHON ?= python3.11
VENV := .venv
BIN := $(VENV)/bin
PORT ?= 8000
STAMP := $(VENV)/.installed

.PHONY: run test lint bench install clean worker messages compiled-messages

$(BIN)/python:
	@command -v $(PYTHON) >/dev/null 2>&1 || { echo "$(PYTHON) not found: install Python 3.11 or run 'make PYTHON=/path/to/python3.11 ...'"; exit 1; }
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

$(STAMP): pyproject.toml | $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[dev]"
	@touch $(STAMP)

# axe-core for the browser accessibility tests. Optional locally: without npm those tests say so and
# skip; in CI (CI=true) they fail.
NODE_STAMP := node_modules/.installed
$(NODE_STAMP): package.json package-lock.json
	@if command -v npm >/dev/null 2>&1; then npm ci --no-audit --no-fund --silent && touch $@; \
	else echo "npm not found: browser accessibility checks (axe-core) will be skipped"; fi

install: $(STAMP)

# Interface catalogues (locale/<lang>/LC_MESSAGES): the compiled .mo files are committed, so a fresh
# clone shows every language without GNU gettext; with gettext installed they are rebuilt here.
MESSAGES_IGNORE := --ignore=.venv --ignore=node_modules --ignore=tests --ignore=staticfiles --ignore=media
compiled-messages: | $(BIN)/python
	@if command -v msgfmt >/dev/null 2>&1; then $(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules -v 0; \
	else echo "msgfmt not found (Debian: gettext): using the committed compiled catalogues"; fi

# After changing a marked string: update every catalogue (new strings appear untranslated), then
# translate them and run this again to compile.
messages: $(STAMP)
	$(BIN)/python manage.py makemessages --all $(MESSAGES_IGNORE) --add-location=file --no-obsolete
	$(BIN)/python manage.py compilemessages --ignore=.venv --ignore=node_modules

run: $(STAMP) compiled-messages
	$(BIN)/python manage.py migrate --noinput
	$(BIN)/python manage.py seed_demo
	PORT=$(PORT) $(BIN)/python manage.py runserver 127.0.0.1:$(PORT)

test: $(STAMP) $(NODE_STAMP) compiled-messages
	$(BIN)/ruff check .
	$(BIN)/python manage.py makemigrations --check --dry-run --settings=lms.settings.test >/dev/null
	$(BIN)/python -m pytest $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .

bench: $(STAMP)
	$(BIN)/python -m pytest tests/benchmarks -p no:cacheprovider -s -o addopts="" $(PYTEST_ARGS)

worker: $(STAMP)
	$(BIN)/celery -A lms worker -B --loglevel=info

clean:
	rm -rf $(VENV) db.sqlite3 media staticfiles .pytest_cache
