# The two commands a newcomer needs: `make serve` and `make test`. Both set up .venv first.
VENV := .venv
PYTHON := $(VENV)/bin/python
STAMP := $(VENV)/.installed-$(shell cksum < requirements.txt | cut -d' ' -f1)
NODE_STAMP := node_modules/.installed

DOCS := $(PYTHON) scripts/docs.py
export PYTHONDONTWRITEBYTECODE := 1
# Reproducible builds: dates in the site (sitemap, PDF) are the last commit's, not the clock's.
export SOURCE_DATE_EPOCH ?= $(shell git log -1 --format=%ct 2>/dev/null || echo 0)

.PHONY: serve build check mutants audit test system-deps clean

# requirements.txt is the lock (python scripts/docs.py lock --write makes it from requirements.in):
# exactly the files it names, each checked against its hashes, and nothing it does not name.
$(STAMP): requirements.txt
	test -x $(PYTHON) || python3 -m venv $(VENV)
	$(PYTHON) -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements.txt
	rm -f $(VENV)/.installed-*
	touch $@

serve: $(STAMP)  ## serve with live reload at http://127.0.0.1:8000
	$(DOCS) serve --dev-addr 127.0.0.1:8000

# The complete site: strict page build with the article check, then the PDF and the offline copy
# the pages link (serve makes pages only, and links neither).
build: $(STAMP) $(NODE_STAMP) system-deps  ## site/: pages, gpt-4-qa.pdf, gpt-4-qa.epub, gpt-4-qa-offline.zip
	$(DOCS) build site

# Every check that needs no browser, on a fresh page build of its own (site/ is left alone): lint,
# the article check and the anchor contract (the build hook runs both), then the generated files.
check: $(STAMP)  ## lint, the article check, the anchor contract and the search dictionary, in under 30 s
	$(DOCS) check

# Every realistic break in scripts/gpt4qa/run/mutants.py, the slow ones (PDF, search) included.
mutants: $(STAMP) $(NODE_STAMP) system-deps  ## each break applied to a copy must fail its check
	$(DOCS) mutants

# Known vulnerabilities (docs.py audit): pip-audit, from its own hash-locked requirements-audit.txt,
# on requirements.txt, and npm audit --omit=dev on package-lock.json. An advisory service that
# cannot be reached is one line and skipped; a known vulnerability fails.
audit: $(STAMP)  ## pip-audit and npm audit on the locked packages
	$(DOCS) audit

system-deps:
	bash scripts/system_deps.sh

# axe-core for the accessibility tests, iframe-worker for the offline copy (lighthouse, a dev
# dependency, only for scripts/bench_lighthouse.py: npm ci installs it).
$(NODE_STAMP): package-lock.json
	npm ci --omit=dev --no-audit --no-fund --loglevel=error
	touch $@

test: $(STAMP) $(NODE_STAMP) system-deps  ## the whole suite
	$(PYTHON) -m pytest

clean:
	rm -rf site .pytest_cache
