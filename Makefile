# Two commands do all set-up on a fresh Debian machine:
#   make serve   install into .venv, build everything, serve on 127.0.0.1:8000
#   make test    install what the tests need, run them all
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve build test system-deps clean bench

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# Re-install only when a requirements file changes.
$(VENV)/.installed: requirements.txt requirements-test.txt | $(BIN)/python
	$(BIN)/pip install -q -r requirements-test.txt
	touch $@

system-deps:
	./scripts/system-deps.sh build

build: system-deps $(VENV)/.installed
	$(BIN)/mkdocs build --strict

serve: build
	$(BIN)/mkdocs serve --strict -a 127.0.0.1:8000

test: $(VENV)/.installed
	./scripts/system-deps.sh test
	$(BIN)/python -m pytest

# Speed and size budgets (README): not in CI, timings are noisy. Needs nginx,
# Chromium and npm; Lighthouse goes into .cache/bench/ (pinned, no browser download).
LIGHTHOUSE := .cache/bench/node_modules/.bin/lighthouse
$(LIGHTHOUSE):
	command -v npm >/dev/null || ./scripts/system-deps.sh bench
	npm install --no-save --no-audit --no-fund --prefix .cache/bench lighthouse@12.8.2

bench: $(VENV)/.installed $(LIGHTHOUSE)
	./scripts/system-deps.sh test
	LIGHTHOUSE=$(abspath $(LIGHTHOUSE)) $(BIN)/python scripts/bench.py

clean:
	rm -rf site .pytest_cache
