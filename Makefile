# fi-minutes: `make demo` and `make test` work on a fresh clone (Python 3.11, pip, apt).
PY ?= python3
VENV := .venv
BIN := $(VENV)/bin
APT_PACKAGES := tesseract-ocr tesseract-ocr-fin tesseract-ocr-swe libvoikko1 voikko-fi poppler-utils fonts-dejavu-core chromium
DB ?= data/processed/minutes.duckdb

.PHONY: setup apt venv demo test bench lint clean

setup: apt venv

# Debian packages: installed only when one is missing (root or sudo needed then).
apt:
	@missing=""; for p in $(APT_PACKAGES); do dpkg -s $$p >/dev/null 2>&1 || missing="$$missing $$p"; done; \
	if [ -n "$$missing" ]; then \
	  echo "installing Debian packages:$$missing"; \
	  SUDO=""; [ "$$(id -u)" = 0 ] || SUDO=sudo; \
	  $$SUDO apt-get update -qq && DEBIAN_FRONTEND=noninteractive $$SUDO apt-get install -y -qq $$missing; \
	fi

$(BIN)/minutes: pyproject.toml
	test -x $(BIN)/python || $(PY) -m venv $(VENV)
	$(BIN)/python -m pip install -q --upgrade pip
	$(BIN)/python -m pip install -q -e '.[dev]'
	touch $@

venv: $(BIN)/minutes

demo: setup
	$(BIN)/minutes ingest data/raw --db $(DB)
	$(BIN)/minutes status --db $(DB)

test: setup
	$(BIN)/python -m pytest -n 2 -q

bench: setup
	$(BIN)/python -m pipeline.bench

lint: venv
	$(BIN)/ruff check .

clean:
	rm -rf $(VENV) data/processed/*.duckdb* .pytest_cache
