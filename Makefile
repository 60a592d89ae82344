# Two commands for a fresh machine: `make demo` and `make test`.
PYTHON ?= python3
VENV := .venv
STAMP := $(VENV)/.installed

.PHONY: demo test venv bench evaluate clean

$(STAMP): requirements.lock pyproject.toml
	test -x $(VENV)/bin/python || $(PYTHON) -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.lock
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps --no-build-isolation -e .
	touch $(STAMP)

venv: $(STAMP)

demo: $(STAMP)
	$(VENV)/bin/healthaudit demo --db demo-output/healthaudit.db --out demo-output/report

test: $(STAMP)
	$(VENV)/bin/python -m pytest -q

bench: $(STAMP)
	$(VENV)/bin/python benchmarks/crawl_speed.py
	$(VENV)/bin/python benchmarks/analysis_speed.py

evaluate: $(STAMP)
	$(VENV)/bin/python -m analysis.evaluate ../shared/eval ../shared/seeds

clean:
	rm -rf $(VENV) demo-output build *.egg-info
