# relaydesk: one entry point for setting up, generating, checking, running and testing.
SHELL := /bin/bash
.DEFAULT_GOAL := help

PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
SETUP_STAMP := $(VENV)/.setup-stamp
PROTOS := $(shell find protos -name '*.proto' | sort)
GEN_OUT := clients/python
GEN_STAMP := $(GEN_OUT)/relaydesk/v1/.generated
TOOLS_STAMP := .tools/.stamp
LISTEN ?= 127.0.0.1:50051
HTTP_LISTEN ?= 127.0.0.1:8080
DATA_DIR ?= ./data
WEB_OUT := server/relaydesk_server/web

.PHONY: help setup tools gen checkgen breaking lint web checkweb run test test-postgres faults faults-short bench bench-cluster ci clean

help: ## List the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-12s %s\n", $$1, $$2}'

setup: $(SETUP_STAMP) ## Create .venv with the pinned dependencies and the relaydesk command

$(SETUP_STAMP): constraints.txt server/pyproject.toml clients/python/pyproject.toml
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt \
		-e clients/python -e 'server[dev]'
	touch $@

tools: $(TOOLS_STAMP) ## Install the code generators and grpcurl and ghz (needs go, npm, mvn)

$(TOOLS_STAMP): scripts/gen-tools.sh scripts/tools/go.mod clients/go/go.mod clients/typescript/package-lock.json clients/java/pom.xml
	./scripts/gen-tools.sh
	touch $@

gen: $(SETUP_STAMP) $(TOOLS_STAMP) ## Regenerate every client's code (Python, Go, TypeScript, Java) from protos/, and the browser build that embeds it
	./scripts/gen-python.sh $(BIN) $(GEN_OUT)
	touch $(GEN_STAMP)
	./scripts/gen-clients.sh $(BIN)/buf
	./scripts/build-web.sh $(WEB_OUT)

# Generated code is committed; regenerate only when a proto is newer than the last run.
$(GEN_STAMP): $(PROTOS) | $(SETUP_STAMP)
	./scripts/gen-python.sh $(BIN) $(GEN_OUT)
	touch $@

checkgen: $(SETUP_STAMP) $(TOOLS_STAMP) ## Fail when any committed generated code differs from what protos/ generates
	@tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
	./scripts/gen-python.sh $(BIN) $$tmp && \
	diff -r -x '__init__.py' -x 'py.typed' -x '.generated' -x '__pycache__' -x 'client' \
		$$tmp/relaydesk $(GEN_OUT)/relaydesk && \
	./scripts/gen-clients.sh $(BIN)/buf $$tmp && \
	for dir in clients/go/relaydesk clients/typescript/src/gen clients/java/src/generated; do \
		diff -r $$tmp/$$dir $$dir || exit 1; \
	done && echo "generated code is up to date"

breaking: $(SETUP_STAMP) ## Fail when protos/ breaks the contract of the previous commit
	$(BIN)/buf breaking --against '.git#ref=HEAD~1,subdir=.'

lint: $(SETUP_STAMP) ## buf lint + buf format, ruff, mypy --strict, the server's layering (lint-imports), go vet and a tidy go.mod
	$(BIN)/buf lint
	$(BIN)/buf format --diff --exit-code
	$(BIN)/ruff check server tests benchmarks clients/python/relaydesk/client clients/python/examples
	$(BIN)/ruff format --check server tests benchmarks clients/python/relaydesk/client clients/python/examples
	$(BIN)/mypy server/relaydesk_server clients/python/relaydesk/client clients/python/examples benchmarks
	$(BIN)/lint-imports --no-logo
	cd clients/go && go vet ./... && go mod tidy -diff

web: ## Build the agent desktop and the webchat widget (clients/web) into the server package (needs node, npm)
	./scripts/build-web.sh $(WEB_OUT)

checkweb: ## Fail when the committed browser build differs from what clients/web builds
	@tmp=$$(mktemp -d) && trap 'rm -rf $$tmp' EXIT && \
	./scripts/build-web.sh $$tmp/web && \
	diff -r $$tmp/web $(WEB_OUT) && echo "the browser build is up to date"

run: $(SETUP_STAMP) $(GEN_STAMP) ## Set up, generate if needed, and serve on $(LISTEN) (browsers on $(HTTP_LISTEN)) with data in $(DATA_DIR)
	$(BIN)/relaydesk serve --listen $(LISTEN) --http-listen $(HTTP_LISTEN) --data-dir $(DATA_DIR)

test: $(SETUP_STAMP) $(GEN_STAMP) $(TOOLS_STAMP) ## Run the test suite against a real server
	$(BIN)/pytest

# The API and contract suites again, every server on PostgreSQL: a cluster of the tests' own
# (initdb into a temporary directory, loopback only), a fresh database per server.
test-postgres: $(SETUP_STAMP) $(GEN_STAMP) ## Run the API and contract suites with the servers on PostgreSQL
	$(BIN)/pytest --backend=postgresql tests/api tests/contract

# The fault suite (tests/faults): crashes, cut streams, slow consumers, outages, a full disk,
# SIGTERM under load, fuzzing. `make test` leaves it out; FAULTS=short is the CI version.
FAULTS ?= full

faults: $(SETUP_STAMP) $(GEN_STAMP) ## Run the fault suite (FAULTS=full, the default, or FAULTS=short)
	$(BIN)/pytest tests/faults -m faults --faults=$(FAULTS)

faults-short: ## Run the fault suite's short version, as CI does (a few minutes)
	$(MAKE) faults FAULTS=short

bench: $(SETUP_STAMP) $(GEN_STAMP) $(TOOLS_STAMP) ## Run the benchmarks (ghz for unary calls): the table, build/bench/latest.json and .png; then bench-cluster
	$(BIN)/python -m benchmarks $(BENCH_ARGS)
	$(BIN)/python -m benchmarks.cluster $(filter --quick,$(BENCH_ARGS))

bench-cluster: $(SETUP_STAMP) $(GEN_STAMP) $(TOOLS_STAMP) ## Three servers on one PostgreSQL next to one SQLite server: build/bench/cluster.json
	$(BIN)/python -m benchmarks.cluster $(filter --quick,$(BENCH_ARGS))

ci: checkgen breaking lint checkweb test test-postgres faults-short ## What CI runs

clean: ## Remove the virtualenv and caches (keeps ./data)
	rm -rf $(VENV) .tools .pytest_cache .ruff_cache clients/typescript/node_modules clients/typescript/dist clients/java/target clients/web/node_modules
