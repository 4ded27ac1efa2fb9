# Two commands for a fresh machine: `make run` and `make test`.
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: run test test-fast lint bench eval install lock lock-upgrade clean

# Exact versions with hashes (requirements*.lock, from `make lock`); pyproject.toml keeps the ranges.
# The dev lock holds hatchling and editables, so the project installs without fetching a build backend.
$(STAMP): pyproject.toml requirements.lock requirements-dev.lock
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q --require-hashes -r requirements-dev.lock
	$(BIN)/python -m pip install -q --no-deps --no-build-isolation -e .
	touch $(STAMP)

install: $(STAMP)

# `make lock` follows pyproject.toml's changes and keeps every other pin; `make lock-upgrade` takes the newest
# versions the ranges allow. The runtime lock (the Docker image's) is resolved on its own; the dev lock is held to
# its versions. No index URL is written into them (uv reads no pip config), so they fit any machine.
LOCK_FLAGS := --quiet --universal --python-version 3.11 --generate-hashes --custom-compile-command 'make lock'
lock: $(STAMP)
	$(BIN)/uv pip compile pyproject.toml $(LOCK_FLAGS) $(LOCK_UPGRADE) -o requirements.lock
	$(BIN)/uv pip compile pyproject.toml --extra dev -c requirements.lock $(LOCK_FLAGS) $(LOCK_UPGRADE) \
		-o requirements-dev.lock

lock-upgrade:
	$(MAKE) lock LOCK_UPGRADE=--upgrade

run: $(STAMP)
	mkdir -p var
	$(BIN)/qingfeng setup --host $(HOST) --port $(PORT)
	$(BIN)/qingfeng serve --host $(HOST) --port $(PORT)

test: $(STAMP)
	$(BIN)/python -m pytest $(PYTEST_ARGS)

# The inner loop: everything but the slow, browser and PostgreSQL suites.
test-fast: $(STAMP)
	$(BIN)/python -m pytest -q -m "not slow and not browser and not postgres" $(PYTEST_ARGS)

lint: $(STAMP)
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy
	$(BIN)/lint-imports

bench: $(STAMP)
	$(BIN)/python -m bench

eval: $(STAMP)
	$(BIN)/python -m bench.kb_eval
	$(BIN)/python -m tests.dialogue_eval

clean:
	rm -rf $(VENV) var dist build
