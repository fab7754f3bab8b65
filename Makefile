# Deepnote API v2 Python client: regenerate, check, lint, test, contract-test and benchmark.
# Every target that needs Python tools depends on the pinned virtual environment in .venv.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
PY := $(BIN)/python
STAMP := $(VENV)/.installed
NPM_STAMP := node_modules/.installed
MUTATION_STAMP := $(VENV)/.mutation-installed
# deepnote-toolkit for `make compat`, in a venv of its own: its dependencies are Deepnote's whole
# kernel runtime, so scripts/compat-toolkit.txt pins only what its notebook runner imports.
COMPAT_VENV := .venv-compat
COMPAT_STAMP := $(COMPAT_VENV)/.installed
DOCS_STAMP := $(VENV)/.docs-installed

SPEC := openapi.yaml
GEN_CONFIG := openapi-python-client.yaml
TEMPLATES := templates
PACKAGE_DIR := generated/deepnote_client
SERVE_PORT ?= 8765

# The generator formats its output with ruff and silently skips that step when ruff is not on PATH,
# so the venv's bin comes first. --fail-on-warning turns that (and any unsupported spec part) into
# an error.
GENERATE = PATH="$(CURDIR)/$(BIN):$$PATH" $(BIN)/openapi-python-client generate \
	--path $(SPEC) --config $(GEN_CONFIG) --custom-template-path $(TEMPLATES) \
	--meta none --overwrite --fail-on-warning
# The generator writes the PEP 561 marker only with a packaging "meta" (we use --meta none), so it is
# added as the last step of generation; mypy then sees the package's types in an editable install too.
MARK_TYPED = cp packaging/py.typed

.DEFAULT_GOAL := help
.PHONY: help venv compat-venv generate check-generated validate lint typecheck test check serve contract \
	contract-live compat demo bench mutate package docs diff test-airflow test-dagster clean

help: ## List the targets
	@awk 'BEGIN {FS = ":.*## "} /^[a-zA-Z_-]+:.*## / {printf "  %-16s %s\n", $$1, $$2}' $(MAKEFILE_LIST)

venv: $(STAMP) ## Create .venv and install the package with its pinned dev tools

$(STAMP): pyproject.toml
	$(PYTHON) -c 'import sys; sys.exit(sys.version_info < (3, 11) and "Python 3.11 or newer is needed")'
	$(PYTHON) -m venv $(VENV)
	$(BIN)/pip install --quiet --upgrade pip
	$(BIN)/pip install --quiet -e '.[dev]'
	touch $@

compat-venv: $(COMPAT_STAMP) ## Create .venv-compat with deepnote-toolkit (scripts/compat-toolkit.txt) for make compat

$(COMPAT_STAMP): scripts/compat-toolkit.txt
	$(PYTHON) -m venv $(COMPAT_VENV)
	$(COMPAT_VENV)/bin/pip install --quiet --no-deps -r scripts/compat-toolkit.txt
	touch $@

generate: $(STAMP) ## Regenerate generated/deepnote_client (its resource classes too) from openapi.yaml
	$(GENERATE) --output-path $(PACKAGE_DIR)
	$(MARK_TYPED) $(PACKAGE_DIR)/py.typed
	rm -rf $(PACKAGE_DIR)/.ruff_cache

check-generated: $(STAMP) ## Fail when generated/ differs from what openapi.yaml generates
	@tmp=$$(mktemp -d) && trap 'rm -rf "$$tmp"' EXIT && \
	$(GENERATE) --output-path "$$tmp/deepnote_client" >/dev/null && \
	$(MARK_TYPED) "$$tmp/deepnote_client/py.typed" && \
	if diff -r -q --exclude=.ruff_cache --exclude=__pycache__ "$$tmp/deepnote_client" $(PACKAGE_DIR); then \
		echo "generated/ matches $(SPEC)"; \
	else \
		echo "generated/ is stale or was edited by hand: run 'make generate' and commit the result" >&2; \
		diff -r -u --exclude=.ruff_cache --exclude=__pycache__ "$$tmp/deepnote_client" $(PACKAGE_DIR) | head -60 >&2; \
		exit 1; \
	fi

validate: $(STAMP) ## Validate openapi.yaml against the OpenAPI 3.1 schema
	$(BIN)/openapi-spec-validator --schema 3.1 $(SPEC)

$(NPM_STAMP): package.json package-lock.json
	npm ci --no-audit --no-fund --loglevel=error
	touch $@

lint: validate $(NPM_STAMP) ## Lint the spec (openapi-spec-validator, Spectral) and the Python code (ruff)
	npx --no-install spectral lint --fail-severity=warn $(SPEC)
	$(BIN)/ruff check overlay fake orchestrators tests examples scripts bench
	$(BIN)/ruff format --check overlay fake orchestrators tests examples scripts bench

typecheck: $(STAMP) ## mypy over the generated package and (strict) the overlay, the fake, benchmarks and examples
	$(BIN)/mypy

test: $(STAMP) $(COMPAT_STAMP) validate check-generated ## Check the spec and generated/, then run the test suite
	$(BIN)/pytest

package: $(STAMP) ## Build the wheel; in a throwaway venv import it, then run a user's tests with [fake]
	rm -rf dist
	$(BIN)/pip wheel --quiet --no-deps -w dist .
	$(PY) scripts/check_wheel.py dist/*.whl

check: lint typecheck test package docs test-airflow test-dagster ## Everything CI runs (but `make diff`)

# BASE=<git ref> (default: the latest v* tag, else main); DIFF_FLAGS=--skip-missing-base for CI.
diff: $(STAMP) ## Changes of openapi.yaml and the Python API since BASE, breaking or not, as changelog lines
	$(PY) scripts/spec_diff.py $(if $(BASE),--base $(BASE)) $(DIFF_FLAGS)

serve: $(STAMP) ## Serve the fake API on 127.0.0.1:8765 (SERVE_PORT=...); prints export lines to paste
	$(PY) -m deepnote_fake --port $(SERVE_PORT)

contract: $(STAMP) ## Schemathesis CLI, all phases and checks, against the fake API on a free port
	$(PY) scripts/contract.py fake

contract-live: $(STAMP) ## Read-only schemathesis run against the real API (needs DEEPNOTE_TOKEN); drift report in contract-report/
	$(PY) scripts/contract.py live

compat: $(STAMP) $(COMPAT_STAMP) ## Deepnote's own clients against the fake: every API command of deepnote-cli, deepnote-toolkit's runner
	$(PY) scripts/compat.py

demo: $(STAMP) ## Run examples/quickstart.py against the fake API (or the real one if DEEPNOTE_TOKEN is set)
	@if [ -n "$$DEEPNOTE_TOKEN" ]; then \
		echo "DEEPNOTE_TOKEN is set: running the quickstart against $${DEEPNOTE_BASE_URL:-https://api.deepnote.com/v2}"; \
		$(PY) examples/quickstart.py; \
	else \
		$(PY) scripts/with_fake_api.py -- $(PY) examples/quickstart.py; \
	fi

bench: $(STAMP) ## Benchmarks against raw httpx (prints a table, writes bench/results.json)
	$(PY) -m bench

$(MUTATION_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[mutation]'
	touch $@

# MODULES="calls retries" limits the run to those overlay modules; MUTATE_JOBS=1 uses one core.
mutate: $(MUTATION_STAMP) ## Mutation testing of the overlay (slow; not in CI): score per module, goal 95 %
	$(PY) scripts/mutate.py $(foreach module,$(MODULES),--module $(module))

$(DOCS_STAMP): $(STAMP)
	$(BIN)/pip install --quiet -e '.[docs]'
	touch $@

# NO_MKDOCS_2_WARNING silences Material's banner about its successor (it is not a build warning).
docs: $(DOCS_STAMP) ## Build the docs site (MkDocs, strict: a warning fails) into site/
	NO_MKDOCS_2_WARNING=1 $(BIN)/mkdocs build --strict --site-dir site

# The orchestrators are tested with the engines themselves, each in a venv of its own (their
# dependency trees are large and would slow every other target). Exact pins: Airflow 3.3.2 is the
# first release whose task state store lets a retried task re-attach (3.2.2 fails every task under
# dag.test()); the client's own pins come from pyproject.toml through '.[fake]'.
AIRFLOW_VENV := .venv-airflow
AIRFLOW_PIN := apache-airflow==3.3.2
DAGSTER_VENV := .venv-dagster
DAGSTER_PIN := dagster==1.13.29
ENGINE_TEST_PINS := pytest==9.2.0 pytest-timeout==2.4.0

$(AIRFLOW_VENV)/.installed: pyproject.toml Makefile
	$(PYTHON) -m venv $(AIRFLOW_VENV)
	$(AIRFLOW_VENV)/bin/pip install --quiet --upgrade pip
	$(AIRFLOW_VENV)/bin/pip install --quiet "$(AIRFLOW_PIN)" -e '.[fake]' $(ENGINE_TEST_PINS)
	touch $@

$(DAGSTER_VENV)/.installed: pyproject.toml Makefile
	$(PYTHON) -m venv $(DAGSTER_VENV)
	$(DAGSTER_VENV)/bin/pip install --quiet --upgrade pip
	$(DAGSTER_VENV)/bin/pip install --quiet "$(DAGSTER_PIN)" -e '.[fake]' $(ENGINE_TEST_PINS)
	touch $@

# --noconftest: the suite's own conftest needs the [dev] tools, which these venvs do not have.
test-airflow: $(AIRFLOW_VENV)/.installed ## Apache Airflow (pinned, own venv) runs DAGs with the provider against the fake
	$(AIRFLOW_VENV)/bin/pytest -q -p no:cacheprovider --noconftest -o addopts="" tests/orchestrators/test_airflow.py

test-dagster: $(DAGSTER_VENV)/.installed ## Dagster (pinned, own venv) materialises the example asset against the fake
	$(DAGSTER_VENV)/bin/pytest -q -p no:cacheprovider --noconftest -o addopts="" tests/orchestrators/test_dagster.py

clean: ## Remove the venvs, node_modules, dist, the docs site and caches
	rm -rf $(VENV) $(COMPAT_VENV) $(AIRFLOW_VENV) $(DAGSTER_VENV) node_modules dist site .mypy_cache .pytest_cache .ruff_cache .hypothesis
