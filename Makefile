# civic_wagtail: `make demo` serves the demo site from a fresh clone, `make test` runs the suite.
PYTHON ?= python3
VENV ?= .venv
PY := $(VENV)/bin/python
MANAGE := $(PY) example_site/manage.py
PYTEST_ARGS ?=
# Where the demo is served (`make demo DEMO_PORT=8100`): seed_demo points the site, and so
# every absolute link of feeds, API, exports and emails, at the same host and port.
DEMO_HOST ?= 127.0.0.1
DEMO_PORT ?= 8000
DEMO_URL := http://$(DEMO_HOST):$(DEMO_PORT)
SERVE := WAGTAILADMIN_BASE_URL=$(DEMO_URL) $(MANAGE) runserver $(DEMO_HOST):$(DEMO_PORT)
# Test processes: two suit a two-core machine; `make test PYTEST_WORKERS=0` runs in one process.
# With workers, the migrations run once into a template that each worker copies (tests/dbtemplate.py).
PYTEST_WORKERS ?= 2
PYTEST := $(PY) -m pytest -n $(PYTEST_WORKERS) --dist loadgroup
APPS := $(notdir $(patsubst %/,%,$(dir $(wildcard civic_wagtail/*/apps.py))))
comma := ,
space := $(subst ,, )
CORE_OMIT := $(subst $(space),$(comma),*/migrations/* $(patsubst %,civic_wagtail/%/*,$(APPS)))

.PHONY: help install demo migrate seed serve serve-prod load test test-fast coverage coverage-by-app lint format docs bench load-feeds clean messages check-messages

help:
	@echo "make demo   install, migrate, seed and serve the demo on $(DEMO_URL) (DEMO_HOST=, DEMO_PORT=)"
	@echo "make test   run the whole test suite (DATABASE_URL=postgres://... for PostgreSQL)"
	@echo "make coverage  the suite with branch coverage, per app; fails under 95 %"
	@echo "make serve-prod  the production stack from the environment (docs/how-to/production.md)"
	@echo "make load   the mixed load scenario with faults against the production stack"
	@echo "make messages  regenerate and compile the fr/es catalogues of every app (then translate)"
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
	$(MANAGE) seed_demo --site-url $(DEMO_URL)

demo: seed
	@echo
	@echo "  Civic Exchange demo: $(DEMO_URL)/"
	@echo "  Wagtail admin:       $(DEMO_URL)/admin/   log in as admin@example.gov / civic-demo (then set up 2FA)"
	@echo
	$(SERVE)

serve: install
	$(SERVE)

# The production stack of one machine: migrate, collectstatic, gunicorn + the RQ task worker, all
# from the environment (DATABASE_URL, REDIS_URL, SECRET_KEY, ALLOWED_HOSTS, PORT): see
# docs/how-to/production.md.
serve-prod: install
	$(PY) example_site/serve_prod.py

# `make test COVERAGE=1` adds branch coverage: a report per file, then one line per app;
# pytest-cov fails the run below `fail_under` (pyproject.toml). `make coverage` is the same.
test: install
	$(PYTEST) $(if $(COVERAGE),--cov --cov-report=term) $(PYTEST_ARGS)
	@$(if $(COVERAGE),$(MAKE) --no-print-directory coverage-by-app)

test-fast: install
	$(PYTEST) -m "not browser" $(PYTEST_ARGS)

coverage:
	$(MAKE) --no-print-directory test COVERAGE=1

coverage-by-app:
	@echo "Coverage per app (statements and branches, %):"
	@printf '  %-12s ' core; \
		$(PY) -m coverage report --omit="$(CORE_OMIT)" --format=total --fail-under=0
	@for app in $(APPS); do \
		printf '  %-12s ' $$app; \
		$(PY) -m coverage report --include="civic_wagtail/$$app/*" --format=total --fail-under=0; \
	done

lint: install
	$(VENV)/bin/ruff check civic_wagtail tests benchmarks example_site
	$(PY) example_site/manage.py makemigrations --check --dry-run
	$(PY) example_site/manage.py check

# The fr and es catalogues of the core and of every app: makemessages, then compilemessages.
# Idempotent; `make check-messages` (run by .ci/run) fails on any msgid missing, untranslated or
# fuzzy, naming each. See docs/explanation/interface-translations.md.
messages: install
	$(PY) .ci/messages.py update

check-messages: install
	$(PY) .ci/messages.py check

docs: install
	NO_MKDOCS_2_WARNING=1 $(VENV)/bin/mkdocs build --strict --site-dir build/docs

bench: install
	@for bench in benchmarks/bench_*.py; do \
		echo "== $$bench"; \
		PYTHONPATH=.:example_site DJANGO_SETTINGS_MODULE=tests.settings $(PY) $$bench || exit 1; \
	done

# 1,000 calendar clients polling the feeds against gunicorn + PostgreSQL + Redis on this
# machine (127.0.0.1 only, 60 s): requests/s, p50/p95/p99 and the share answered 304.
load-feeds: install
	$(PY) -m pip install --quiet "locust>=2.30"
	$(PY) benchmarks/load/feed_polling.py $(LOAD_ARGS)

# The mixed scenario (70 % anonymous reads, 20 % member reads, 10 % writes) against the production
# stack on 127.0.0.1 for 60 s, with a gunicorn worker SIGKILLed, Redis restarted and the task
# worker killed during the run; then writes vs rows and emails queued vs received.
load: install
	$(PY) -m pip install --quiet "locust>=2.30" "aiosmtpd>=1.4"
	$(PY) benchmarks/load/mixed.py $(LOAD_ARGS)

clean:
	rm -rf $(VENV) build example_site/db.sqlite3 example_site/media
