# Two commands do all set-up on a fresh Debian machine:
#   make serve   install into .venv, build everything, serve on 127.0.0.1:8000
#   make test    install what the tests need, run them all
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV   := .venv
BIN    := $(VENV)/bin
export NO_MKDOCS_2_WARNING := 1
export PIP_DISABLE_PIP_VERSION_CHECK := 1

.PHONY: serve build publish site-url test system-deps clean bench lock hyvaksy schemas

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)

# The locks (requirements*.txt, compiled from requirements*.in by `make lock`)
# pin every package with its hashes. scripts/install-lock.sh installs one exactly,
# resolving nothing against the index. Re-install only when a lock changes.
$(VENV)/.installed-build: requirements.txt | $(BIN)/python
	./scripts/install-lock.sh $(BIN)/python requirements.txt
	touch $@

$(VENV)/.installed-test: requirements-test.txt | $(BIN)/python
	./scripts/install-lock.sh $(BIN)/python requirements-test.txt
	touch $@ $(VENV)/.installed-build

system-deps:
	@./scripts/system-deps.sh build

# make build: for local use without SITE_URL (http://127.0.0.1:8000/, said nowhere: it is the usual case).
# make publish: the build to publish (the intranet, CI's artifacts), refused before
# anything is installed unless SITE_URL is the site's real address (scripts/site_url.py).
# Then data/ as the build reads it (macros/check_data.py): MkDocs reads data/ohje.yml
# into its config before our checks run, and would report a mistake there in English.
ifeq ($(strip $(SITE_URL)),)
unexport SITE_URL
endif
# A step for an editor that fails has said what is wrong, in Finnish. STOP then ends make at
# once, without make's own English closing line ("make: *** [Makefile:NN: build] Error 1"):
# by SIGPIPE, which neither make nor the shell reports. The exit status stays non-zero (141),
# so CI fails as before.
STOP = { kill -PIPE $$PPID; exit 1; }
# The editor's targets show MkDocs' output in Finnish only (overrides/hooks/finnish/messages.py: editor_log).
build serve: export FINNISH_ONLY := 1
publish: SITE_URL_CHECK := publish
build publish: site-url system-deps $(VENV)/.installed-build
	@$(BIN)/python -m macros.check_data || $(STOP)
	@$(BIN)/mkdocs build --strict || $(STOP)

# "+": runs under `make -n` too, so the check can be tried without building.
site-url:
	+@$(PYTHON) scripts/site_url.py $(SITE_URL_CHECK) || $(STOP)

# mkdocs serve builds everything itself (PDF included) and rebuilds on every save
# under docs/, data/, macros/ and overrides/ (mkdocs.yml: watch). No .pyc files:
# writing them into the watched folders would trigger a second rebuild.
serve: system-deps $(VENV)/.installed-build
	@PYTHONDONTWRITEBYTECODE=1 $(BIN)/python -m macros.check_data || $(STOP)
	@PYTHONDONTWRITEBYTECODE=1 $(BIN)/mkdocs serve --strict -a 127.0.0.1:8000 || $(STOP)

# make schemas: the data files' JSON Schemas from their models (macros/models/), and each file's
# first line naming its schema, for an editor's YAML editor (tests/test_data_models.py checks both).
schemas: $(VENV)/.installed-build
	$(BIN)/python -m macros.models.schemas

# make hyvaksy: the approved version's text into data/versiot/<version>.yml (macros/approve.py),
# the baseline the next draft's redline is shown against. Refuses, in Finnish, while any
# approval date is open or the address is unconfirmed (guides/viestinta.md, "Luonnoksesta hyväksytyksi").
hyvaksy: $(VENV)/.installed-build
	@$(BIN)/python -m macros.approve || $(STOP)

test: $(VENV)/.installed-test
	./scripts/system-deps.sh test
	$(BIN)/python -m pytest

# Speed and size budgets (guides/developers.md): not in CI, timings are noisy. Needs nginx,
# Chromium and npm. Lighthouse goes into .cache/bench/ from the committed npm
# lockfile (scripts/lighthouse/), with `npm ci`: no resolution, no browser download.
LIGHTHOUSE := .cache/bench/node_modules/.bin/lighthouse
$(LIGHTHOUSE): scripts/lighthouse/package.json scripts/lighthouse/package-lock.json
	command -v npm >/dev/null || ./scripts/system-deps.sh bench
	mkdir -p .cache/bench
	cp scripts/lighthouse/package.json scripts/lighthouse/package-lock.json .cache/bench/
	npm ci --no-audit --no-fund --prefix .cache/bench
	touch $@

bench: $(VENV)/.installed-test $(LIGHTHOUSE)
	./scripts/system-deps.sh test
	LIGHTHOUSE=$(abspath $(LIGHTHOUSE)) $(BIN)/python scripts/bench.py

# Recompile the locks after editing requirements*.in (guides/it.md, "Dependencies").
# pip-tools runs from its own throwaway venv, so it never mixes into .venv.
PIP_TOOLS := .cache/pip-tools/bin/pip-compile
COMPILE   := $(PIP_TOOLS) -q --generate-hashes --strip-extras --no-emit-index-url --no-emit-find-links
$(PIP_TOOLS):
	$(PYTHON) -m venv .cache/pip-tools
	./scripts/install-lock.sh .cache/pip-tools/bin/python scripts/pip-tools.txt

lock: $(PIP_TOOLS)
	$(COMPILE) $(UPGRADE) -o requirements.txt requirements.in
	$(COMPILE) $(UPGRADE) -o requirements-test.txt requirements-test.in

clean:
	rm -rf site .pytest_cache
