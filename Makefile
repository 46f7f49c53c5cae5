# The two commands a newcomer needs are `make run` and `make test` (see README.md).
# Both create .venv on first use and reinstall only when pyproject.toml changes.

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed
DEMO_PROFILE ?= $(CURDIR)/.demo-profile

.PHONY: run test lint typecheck pytest bench translations schemas screenshots clean deb windows-installer clean-build-cache

$(STAMP): pyproject.toml tools/bootstrap.sh
	@PYTHON=$(PYTHON) sh tools/bootstrap.sh $(VENV)
	@touch $(STAMP)

run: $(STAMP)
	$(BIN)/complaint-desk demo --profile "$(DEMO_PROFILE)"

test: $(STAMP)
	$(BIN)/ruff check desktop ui reports hq tests tools installer
	$(BIN)/mypy desktop hq ui reports installer
	$(BIN)/python tools/run_pytest.py

bench: $(STAMP)
	$(BIN)/python -m bench $(if $(QUICK),--quick,)

translations: $(STAMP)
	$(BIN)/python tools/build_translations.py

schemas: $(STAMP)
	$(BIN)/python tools/reference_schemas.py

screenshots: $(STAMP)
	$(BIN)/python tools/screenshots.py

# Installers (installer/README.md): dist/complaint-desk_<version>_amd64.deb (+ the HQ service
# package) and dist/ComplaintDesk-<version>-setup.exe. Intermediate builds and the clean
# Debian root of the install tests are cached outside the checkout, keyed by content
# ($$COMPLAINT_DESK_BUILD_CACHE, default ~/.cache/complaint-desk-build): `make clean` keeps
# them; `make clean-build-cache` drops them.
deb: $(STAMP)
	$(BIN)/python -m installer deb

windows-installer: $(STAMP)
	$(BIN)/python -m installer windows

clean:
	rm -rf $(VENV) .demo-profile .pytest_cache .mypy_cache .ruff_cache bench/.cache dist build

clean-build-cache:
	rm -rf --one-file-system "$${COMPLAINT_DESK_BUILD_CACHE:-$${XDG_CACHE_HOME:-$$HOME/.cache}/complaint-desk-build}"
