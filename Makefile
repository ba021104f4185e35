# Safepost: `make run` starts the app with a demo school; `make test` runs every test.
# Both work on a fresh clone: uv is bootstrapped into .tools/ and the locked
# dependencies are installed into .venv/ (Python 3.12, see README).

SHELL := /bin/bash
UV_VERSION := 0.13.8
UV := .tools/bin/uv
PY := .venv/bin/python
HOST ?= 127.0.0.1
PORT ?= 8000
export UV_PYTHON_DOWNLOADS := never
export PYTHONDONTWRITEBYTECODE := 1

.PHONY: run test lint typecheck unit score fuzz bench sync clean help

help:
	@echo "make run     start the web app and its worker with a demo school"
	@echo "make test    lint, type-check and run the whole test suite"
	@echo "make score   measure the checker on ../shared/eval/dev.jsonl"
	@echo "make fuzz    the nightly-sized fuzz run (over 100,000 cases, about an hour)"
	@echo "make bench   run the benchmarks in bench/"

$(UV):
	@scripts/bootstrap-uv.sh $(UV_VERSION)

.venv/.synced: $(UV) pyproject.toml uv.lock
	@$(UV) sync --frozen --quiet
	@touch $@

sync: .venv/.synced

run: sync
	@scripts/run.sh $(HOST) $(PORT)

lint: sync
	$(UV) run --frozen ruff check .
	$(UV) run --frozen ruff format --check .
	$(UV) run --frozen lint-imports

typecheck: sync
	$(UV) run --frozen mypy safepost config apps

unit: sync
	$(UV) run --frozen pytest -n 2 --dist loadfile

test: sync
	@scripts/test.sh

# The nightly-sized fuzz run (over 100,000 cases; `make test` runs a short one): see tests/fuzz/fuzzing.py.
fuzz: sync
	SAFEPOST_FUZZ=nightly $(UV) run --frozen pytest -p no:xdist tests/fuzz

score: sync
	python3 ../shared/eval/score.py --cmd ".venv/bin/safepost check" \
		--roster ../shared/eval/roster.csv ../shared/eval/dev.jsonl

bench: sync
	$(PY) bench/bench_checker.py
	$(PY) bench/bench_web.py
	$(PY) bench/bench_photos.py
	$(PY) bench/bench_photo_memory.py
	$(PY) bench/bench_upload.py
	$(PY) bench/bench_faces.py
	$(PY) bench/bench_matching.py
	$(PY) bench/bench_nsfw.py

clean:
	rm -rf .venv .tools .mypy_cache .ruff_cache .pytest_cache
