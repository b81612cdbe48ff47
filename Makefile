# Self-documenting Makefile: `make help` lists the targets.
# `make docs` and `make test` do all set-up themselves on a fresh Debian machine.

PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
STAMP  := $(VENV)/.installed
OUT    ?= _build/artifacts
SPHINXOPTS ?= -W --keep-going -q

.DEFAULT_GOAL := help
.PHONY: help venv system-deps docs artifacts test lint check bench clean

help: ## List the targets
	@grep -E '^[a-zA-Z_-]+:.*?## ' $(MAKEFILE_LIST) | awk 'BEGIN {FS = ":.*?## "}; {printf "  %-12s %s\n", $$1, $$2}'

$(STAMP): pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	$(PY) -m pip install -q -e '.[docs,test]'
	@touch $(STAMP)

venv: $(STAMP) ## Create or refresh the virtual environment (.venv) with every extra

system-deps: ## Install the Debian packages the build needs (Graphviz, rsvg, poppler) when missing
	@bash scripts/system-deps.sh

artifacts: venv system-deps ## Build every artifact from topologies/ into $(OUT) (manifest.json included)
	$(PY) -m generator build topologies --out $(OUT)

docs: venv system-deps ## Build the artifacts and the Sphinx site into _build/html (warnings are errors)
	$(PY) -m generator check topologies
	$(PY) -m generator build topologies --out $(OUT)
	$(PY) -m generator schema -o _build/topology.schema.json
	@# sphinx-build only when an input or the output changed since its last run (generator/build/site_stamp.py)
	$(PY) -m generator.build.site_stamp check . _build/html $(SPHINXOPTS) || { \
	  $(PY) -m sphinx -b html $(SPHINXOPTS) . _build/html && \
	  $(PY) -m generator.build.site_stamp write . _build/html $(SPHINXOPTS); }
	@echo "Site: _build/html/index.html"

test: venv system-deps ## Run the whole test suite
	@bash scripts/run-tests.sh

lint: venv ## ruff, mypy (strict) and the import layers (lint-imports) on the package
	$(VENV)/bin/ruff check generator tests benchmarks
	$(VENV)/bin/mypy
	$(VENV)/bin/lint-imports --no-cache

check: venv ## Validate the example topologies
	$(PY) -m generator check topologies

bench: venv system-deps ## Run the benchmark harness (issue 17 goals, whole processes) and print figures
	$(PY) benchmarks/goals.py

clean: ## Remove build output (keeps .venv)
	rm -rf _build docs/_generated
