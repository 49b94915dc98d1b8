# The README's quick start: `make run` and `make test`, each complete on a fresh machine with Python 3.11.
PYTHON ?= python3
VENV   ?= .venv
BIN     = $(VENV)/bin

.PHONY: run test clean

$(BIN)/python:
	$(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --upgrade pip

run: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e .
	$(BIN)/rasid extract --format text rasid/examples/
	$(BIN)/rasid ingest --no-progress rasid/examples/*.txt
	@echo "Rasid: web UI and API at http://127.0.0.1:8000 (API docs at /docs; Ctrl-C stops)"
	$(BIN)/rasid serve --host 127.0.0.1 --port 8000

test: $(BIN)/python
	$(BIN)/python -m pip install --quiet -e ".[test,batch,train]"
	$(BIN)/python -m pytest -q; status=$$?; \
	if [ $$status -eq 5 ]; then echo 'pytest ran no test' >&2; exit 1; fi; exit $$status

clean:
	rm -rf $(VENV) build *.egg-info
