# MesoInfo: `make run` serves the site locally; `make test` runs every check.
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
PY := $(VENV)/bin/python
PORT ?= 8000
LOCAL := DJANGO_DEBUG=1 MESOINFO_SITE_URL=http://127.0.0.1:$(PORT)

.PHONY: run test install soak bench lighthouse lock sbom

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install --quiet --upgrade pip
	$(PY) -m pip install --quiet ".[dev]"
	rm -rf build *.egg-info
	touch $@

node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

install: $(VENV)/.installed

run: $(VENV)/.installed
	mkdir -p var
	$(LOCAL) $(PY) manage.py migrate --no-input
	$(LOCAL) $(PY) manage.py load_starter_content
	PORT=$(PORT) $(LOCAL) $(PY) manage.py create_demo_staff
	$(LOCAL) $(PY) manage.py runserver 127.0.0.1:$(PORT)

test: $(VENV)/.installed node_modules/.installed
	scripts/test-all

soak: $(VENV)/.installed
	scripts/with-postgres $(PY) scripts/soak.py

bench: $(VENV)/.installed
	command -v wrk >/dev/null && command -v redis-server >/dev/null || \
		(apt-get update -qq && apt-get install -y -qq wrk redis-server)
	scripts/with-postgres $(PY) scripts/bench.py

lighthouse: $(VENV)/.installed
	$(PY) scripts/lighthouse.py

# The production dependencies, pinned with their hashes; rerun after changing pyproject.toml.
lock: $(VENV)/.installed
	$(VENV)/bin/pip-compile --quiet --generate-hashes --strip-extras --no-header \
	  --no-emit-index-url --no-emit-find-links --output-file requirements.lock pyproject.toml

# Installs the lock into a throwaway environment and writes var/sbom.json (CycloneDX).
sbom: $(VENV)/.installed
	scripts/check-lock
