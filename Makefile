# Two commands on a fresh clone, light first:
#   make example   the core package only (no extras), then the bundled worked example
#   make test      everything the tests need (extras, a CPU build of torch, Chromium), then all tests
PYTHON ?= python3
VENV   := .venv
PY     := $(VENV)/bin/python
PIP    := $(PY) -m pip install -q
EXAMPLE := examples/isis-iraq-2020

# torch for the [semantic] tests, always a CPU build: on Linux a plain `pip install torch` takes a
# CUDA build and several GB of NVIDIA wheels. A wheel of TORCH_VERSION found without an index
# (pip's find-links; this project's CI machines keep a CPU build there) is used as it is;
# otherwise torch comes from the PyTorch project's CPU-only index.
TORCH_VERSION   ?= 2.13.0
TORCH_CPU_INDEX ?= https://download.pytorch.org/whl/cpu

.PHONY: setup setup-test example test test-fast browser dist-check bench lint clean

$(PY):
	$(PYTHON) -m venv $(VENV)

# The core: what `retold compare` and `retold trace` need, nothing else. --no-compile: pip would
# byte-compile every module of numpy, scipy, babel, ... (more than half the install's time on a
# loaded machine); Python compiles the few that are imported on first use instead.
$(VENV)/.core: pyproject.toml | $(PY)
	$(PIP) --no-compile -e .
	touch $@

# Everything the tests need, on top of the core.
$(VENV)/.test: pyproject.toml | $(PY)
	if $(PIP) --no-index --no-deps 'torch==$(TORCH_VERSION)' 2>/dev/null; then \
	  $(PIP) 'torch==$(TORCH_VERSION)'; \
	else \
	  $(PIP) torch --index-url $(TORCH_CPU_INDEX); \
	fi
	$(PIP) -e '.[dev,web,spark,semantic]'
	# The tests import most of the core, in many processes: compile what the core step left out.
	# (Not an error if some file does not compile: packages ship files for newer Pythons.)
	-$(PY) -m compileall -q -j 0 $(VENV)/lib >/dev/null 2>&1
	touch $@ $(VENV)/.core

setup: $(VENV)/.core
setup-test: $(VENV)/.test

## Install the core, then compare the bundled worked example (original op-ed vs. its retelling).
example: $(VENV)/.core
	$(VENV)/bin/retold compare $(EXAMPLE)/original.txt $(EXAMPLE)/retelling.txt

## Install everything (extras, CPU torch, headless Chromium + Playwright), run every test.
test: $(VENV)/.test browser
	$(PY) -m pytest

## Everything but the Spark and browser tests.
test-fast: $(VENV)/.test
	$(PY) -m pytest -m "not spark and not browser"

browser: $(VENV)/.test
	bash scripts/setup-browser.sh $(PY)

## Build the sdist and the wheel (from the sdist), check them, install the wheel in a clean venv
## and run the example and the extras' install hints there.
dist-check: $(VENV)/.test
	bash scripts/check-dist.sh $(PY)

bench: $(VENV)/.test
	$(PY) benchmarks/bench_compare.py
	$(PY) benchmarks/bench_trace.py --articles 10000
	$(PY) benchmarks/bench_spark.py --n 10000

lint: $(VENV)/.test
	$(VENV)/bin/ruff check src tests benchmarks
	$(VENV)/bin/mypy src

clean:
	rm -rf $(VENV) build dist *.egg-info src/*.egg-info artifacts
