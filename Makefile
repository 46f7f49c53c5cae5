# The two commands a newcomer needs are `make run` and `make test` (see README.md).
# Both create .venv on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_PROFILE ?= $(CURDIR)/.demo-profile

.PHONY: run test lint typecheck pytest bench translations schemas screenshots clean

$(STAMP): pyproject.toml tools/bootstrap.sh
	@PYTHON=$(PYTHON) sh tools/bootstrap.sh $(VENV)
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/complaint-desk demo --profile "$(DEMO_PROFILE)"

test: $(STAMP)
	$(BIN)/ruff check desktop ui reports hq tests tools
	$(BIN)/mypy desktop hq ui reports
	$(BIN)/python tools/run_pytest.py

bench: $(STAMP)
	$(BIN)/python -m bench $(if $(QUICK),--quick,)

translations: $(STAMP)
	$(BIN)/python tools/build_translations.py

schemas: $(STAMP)
	$(BIN)/python tools/reference_schemas.py

screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py

clean:
	rm -rf $(VENV) .demo-profile .pytest_cache .mypy_cache .ruff_cache bench/.cache
