# Mutualiser: the front door. `make serve` to read the site, `make test` to check everything.
PYTHON   ?= python3
VENV     := .venv
BIN      := $(VENV)/bin
STAMP    := $(VENV)/.installed
export NO_MKDOCS_2_WARNING := 1   # Material's notice about MkDocs 2 says nothing we can act on

.PHONY: help serve build offline test test-fast test-site lint validate review lock browser pango java clean links audit bench forms \
	search-stress \
	fingerprints translations translations-done translations-done-all

help:  ## list the targets
	@grep -E '^[a-z-]+:.*## ' $(MAKEFILE_LIST) | awk -F':.*## ' '{printf "  make %-10s %s\n", $$1, $$2}'

# What is installed: the development lock (tests, tools), or only the site's (the deploy job:
# `make build LOCK=requirements/site.lock`). Both hash-locked.
LOCK     ?= requirements/dev.lock

$(STAMP): $(LOCK)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r $(LOCK)
	touch $@

serve: $(STAMP)  ## install, then serve the site at http://127.0.0.1:8000/, re-rendering what each edit changes
	$(BIN)/python -m tools.serve --dev-addr 127.0.0.1:8000

build: $(STAMP) pango  ## strict build of both languages into site/, with the trainers' kit (left untouched if the build fails)
	rm -rf site.new
	$(BIN)/mkdocs build --strict --clean --site-dir site.new
	rm -rf site && mv site.new site

offline: build  ## the offline copies (a zip per language, opens from disk), with the rest of the site
	@ls -l site/kit/*.zip
	$(BIN)/python -m macros.kit.offline_copy site offline-preview

validate: $(STAMP)  ## check the data and the pages; messages in French if your locale is French
	$(BIN)/python -m macros.contribute.check_data data $(VALIDATE_FLAGS)

review: $(STAMP)  ## the pages and records whose review is overdue or due within 30 days (data/reviews.yml)
	$(BIN)/python -m macros.contribute.review $(REVIEW_FLAGS)

forms: $(STAMP)  ## rewrite the issue forms' choices from data/vocabularies.yml
	$(BIN)/python -m tools.issue_forms

translations: $(STAMP)  ## each translation's state (up to date, outdated, never checked, missing)
	$(BIN)/python -m macros.contribute.check_translations

# `make translations-done docs/en/guide/champs.md data/glossary.yml#abf`: the paths after the
# target are what was checked, not targets to make.
ifeq (translations-done,$(firstword $(MAKECMDGOALS)))
CHECKED := $(wordlist 2,$(words $(MAKECMDGOALS)),$(MAKECMDGOALS))
HASH := \#
$(eval .PHONY: $(subst $(HASH),\$(HASH),$(CHECKED)))
$(eval $(subst $(HASH),\$(HASH),$(CHECKED)):;@:)
endif
translations-done: $(STAMP)  ## record the translations named after it as checked against today's French
	$(BIN)/python -m macros.contribute.check_translations --done $(CHECKED)

translations-done-all: $(STAMP)  ## record every translation as checked (after a merge, once reviewed)
	$(BIN)/python -m macros.contribute.check_translations --done --all

lint: $(STAMP)  ## ruff and mypy on the Python code
	$(BIN)/ruff check .
	$(BIN)/ruff format --check .
	$(BIN)/mypy

browser:  ## make sure a Chromium is there for the browser tests (system package, never a download)
	@$(BIN)/python -m tools.chromium >/dev/null 2>&1 || { \
	  echo "No Chromium found: installing Debian's chromium package"; \
	  command -v apt-get >/dev/null || { echo "Install Chromium and set CHROMIUM=/path/to/chromium"; exit 1; }; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq chromium; }

pango:  ## make sure WeasyPrint (the trainers' sheets) finds Pango and a font (Debian's packages)
	@{ $(BIN)/python -c "import weasyprint" && fc-list | grep -qi dejavu; } >/dev/null 2>&1 || { \
	  echo "No Pango or DejaVu font found: installing Debian's libpango and fonts-dejavu-core"; \
	  command -v apt-get >/dev/null || { echo "Install Pango (libpango-1.0-0, libpangoft2-1.0-0) and a font"; exit 1; }; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq libpango-1.0-0 libpangoft2-1.0-0 fonts-dejavu-core; }

java:  ## make sure a Java runtime is there for EPUBCheck (the book's tests; Debian's package)
	@command -v java >/dev/null 2>&1 || { \
	  echo "No Java found: installing Debian's default-jre-headless"; \
	  command -v apt-get >/dev/null || { echo "Install a Java runtime (11 or later) for EPUBCheck"; exit 1; }; \
	  SUDO=$$( [ "$$(id -u)" = 0 ] || echo sudo ); \
	  $$SUDO apt-get update -qq && $$SUDO apt-get install -y -qq default-jre-headless; }

# axe-core and Lighthouse, as locked in package-lock.json; no install script, no browser download
node_modules: package-lock.json
	PUPPETEER_SKIP_DOWNLOAD=1 npm ci --ignore-scripts --no-audit --no-fund
	touch $@

# On every core (pytest-xdist): the workers share the session's site builds, and the tests of a
# module that builds its own copy stay together (tests/conftest.py). The fast tier runs first, so
# that a mistake shows in seconds; the slowest tests are listed at the end.
PARALLEL := -n auto --maxprocesses 4 --dist loadgroup --durations 10

test:  ## install what the tests need, then run every test: the fast tier first
	@started=$$(date +%s); \
	$(MAKE) --no-print-directory lint validate test-fast test-site || exit $$?; \
	printf '{"seconds": %s, "date": "%s"}\n' $$(( $$(date +%s) - started )) "$$(date -u +%F)" \
		> bench/make-test.json  # what make bench reports (tools/bench.py)

test-fast: $(STAMP)  ## the tests that need neither a site build nor Chromium: seconds, while you work
	$(BIN)/pytest $(PARALLEL) -m "not build and not browser"

test-site: $(STAMP) browser pango java node_modules  ## the tests that build a site or drive Chromium (make test runs them after the fast tier)
	$(BIN)/pytest $(PARALLEL) -m "build or browser"

links: build  ## check every internal link and anchor in site/, and list the external links
	$(BIN)/python -m tools.linkcheck site --external

audit: $(STAMP) browser node_modules  ## Lighthouse (mobile) on 8 pages served like GitHub Pages
	$(BIN)/python -m tools.audit

search-stress: $(STAMP)  ## the search index built 100 times in a row under load, each read back (fails on a broken one)
	$(BIN)/python -m tools.search_stress --runs 100

bench: $(STAMP) pango  ## build time, memory and size: real site, 100 and 1000 case studies, plain Material
	$(BIN)/python -m tools.bench

lock:  ## regenerate the hash-locked requirements from requirements/*.in (uv itself from requirements/uv.lock)
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check --require-hashes --no-deps -r requirements/uv.lock
	cd requirements && ../$(BIN)/uv pip compile site.in --generate-hashes --python-version 3.11 -q -o site.lock
	cd requirements && ../$(BIN)/uv pip compile dev.in --generate-hashes --python-version 3.11 -q -o dev.lock

clean:  ## remove the build output and what was installed (.venv, node_modules)
	rm -rf site $(VENV) node_modules .pytest_cache .ruff_cache

# The source documents live outside the repository (they may not be published): only their
# hashed stem fingerprints are committed, for the close-paraphrase test (tests/test_paraphrase.py).
# The web pages the case studies cite (data/sources.yml) were fingerprinted the same way, from
# the text read of each page (one <source id>.txt per page): make fingerprints SOURCES=<that dir>.
# Running it for one folder keeps the other folders' groups.
SOURCES ?= $(firstword $(wildcard ../shared/sources /work/shared/sources))
fingerprints: $(STAMP)  ## hash the source documents' word stems into tests/fixtures/ (SOURCES=dir)
	$(BIN)/python -m tools.paraphrase $(SOURCES) tests/fixtures/source-fingerprints.txt
