# Two commands do everything on a fresh machine:  make serve  and  make test
PYTHON ?= python3
VENV   := .venv
BIN    := $(VENV)/bin
STAMP  := $(VENV)/.installed
PORT   ?= 8000
export NO_MKDOCS_2_WARNING := 1

.PHONY: install serve build test test-fast lint unit notebooks site browser bench student lab clean

install: $(STAMP)

# Reinstall only when the dependency pins or the package metadata change.
$(STAMP): pyproject.toml constraints.txt
	test -d $(VENV) || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev]'
	touch $(STAMP)

serve: install
	$(BIN)/mkdocs serve --dev-addr 127.0.0.1:$(PORT)

build: install
	$(BIN)/mkdocs build --strict --quiet

lint: install
	$(BIN)/ruff check coursekit tests hooks tools benchmarks

unit: install
	$(BIN)/python -m pytest -q -m "not site and not browser" --doctest-modules tests coursekit

notebooks: install
	$(BIN)/python -m pytest -q --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --ignore=notebooks/student notebooks/

site: install
	$(BIN)/python -m pytest -q -m "site"

browser: install
	$(BIN)/python -m pytest -q -m "browser"

# Every check; stops at the first part that fails.
test: install
	$(BIN)/ruff check coursekit tests hooks tools benchmarks
	$(BIN)/python -m pytest -q -m "not site and not browser" --doctest-modules tests coursekit
	$(BIN)/python -m pytest -q --nbval --nbval-current-env --nbval-sanitize-with tests/nbval_sanitize.cfg --ignore=notebooks/student notebooks/
	$(BIN)/python -m pytest -q -m "site or browser"

# The quick loop while writing code: lint and unit tests only.
test-fast: lint unit

bench: install
	$(BIN)/python benchmarks/bench_aging.py
	$(BIN)/python benchmarks/bench_ledger.py
	$(BIN)/python benchmarks/bench_report.py
	$(BIN)/python benchmarks/bench_import.py
	$(BIN)/python benchmarks/bench_notebooks.py

lab: install
	$(BIN)/python -m pip install --quiet -c constraints.txt -e '.[dev,lab]'
	$(BIN)/jupyter lab notebooks/

clean:
	rm -rf site .cache .pytest_cache
