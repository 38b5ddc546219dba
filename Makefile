# civic_wagtail: `make demo` serves the demo site from a fresh clone, `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) example_site/manage.py
PYTEST_ARGS ?=

.PHONY: help install demo migrate seed serve test test-fast lint format docs bench clean

help:
	@echo "make demo   install, migrate, seed and serve the demo on http://127.0.0.1:8000"
	@echo "make test   run the whole test suite (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make lint | docs | bench | clean"

$(VENV)/.installed: pyproject.toml
	@$(PYTHON) -c 'import sys; sys.exit(0 if sys.version_info >= (3, 11) else "civic_wagtail needs Python 3.11 or newer: make demo PYTHON=python3.11")'
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

migrate: install
	$(MANAGE) migrate --noinput

seed: migrate
	$(MANAGE) seed_demo

demo: seed
	@echo
	@echo "  Civic Exchange demo: http://127.0.0.1:8000/"
	@echo "  Wagtail admin:       http://127.0.0.1:8000/admin/   log in as admin@example.gov / civic-demo (then set up 2FA)"
	@echo
	$(MANAGE) runserver 127.0.0.1:8000

serve: install
	$(MANAGE) runserver 127.0.0.1:8000

test: install
	$(PY) -m pytest $(PYTEST_ARGS)

test-fast: install
	$(PY) -m pytest -m "not browser" $(PYTEST_ARGS)

lint: install
	$(VENV)/bin/ruff check civic_wagtail tests benchmarks example_site
	$(PY) example_site/manage.py makemigrations --check --dry-run
	$(PY) example_site/manage.py check

docs: install
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --site-dir build/docs

bench: install
	@for bench in benchmarks/bench_*.py; do \
		echo "== $$bench"; \
		PYTHONPATH=.:example_site DJANGO_SETTINGS_MODULE=tests.settings $(PY) $$bench || exit 1; \
	done

clean:
	rm -rf $(VENV) build example_site/db.sqlite3 example_site/media
