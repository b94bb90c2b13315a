# Two commands on a fresh machine: `make site` builds the site, `make test` runs every test.
VENV ?= .venv
PY := $(VENV)/bin/python
BUILD := $(VENV)/bin/jupyter-book build -W -n --keep-going .
PORT ?= 8000
# Two pytest workers (pytest-xdist) where the tests wait on other processes (book builds, kernels,
# Chromium). On 2 busy cores the gain is small (README, Tests); `make test XDIST=` runs one process.
XDIST ?= -n 2

# The folders `make lint` checks with mypy; ruff (lint and format) checks RUFFED: these and the tests.
LINTED := widgets tools
RUFFED := $(LINTED) tests

.PHONY: site test serve build unit node-tests bundle nbval browser-tests chromium clean moodle qti scorm pdf bench linkcheck panel panel-score lint lock

$(VENV)/.site: requirements.txt constraints.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check -r requirements.txt
	touch $@

# The tests' environment exactly as requirements-lock.txt pins it, every file checked by its hash.
$(VENV)/.test: requirements-lock.txt pyproject.toml
	test -x $(PY) || python3 -m venv $(VENV)
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --require-hashes -r requirements-lock.txt
	$(VENV)/bin/pip install --quiet --disable-pip-version-check --no-deps -e .
	touch $@

## lock: after changing requirements*.txt or constraints.txt, pin every test dependency anew,
## with hashes, for every Python the README promises (uv, in a scratch environment of its own)
lock:
	test -x _build/uv/bin/uv || (python3 -m venv _build/uv && _build/uv/bin/pip install --quiet uv==0.13.9)
	_build/uv/bin/uv pip compile requirements-test.txt --universal --python-version 3.11.5 --generate-hashes \
	  --no-emit-package integraal-samenwerken-widgets --custom-compile-command "make lock" -o requirements-lock.txt

## site: set up the virtual environment and build the site strictly into _build/html
site: $(VENV)/.site build

build:
	$(BUILD)

## serve: preview the built site on http://127.0.0.1:$(PORT)
serve:
	$(PY) -m http.server $(PORT) --bind 127.0.0.1 --directory _build/html

## chromium: a browser for the browser tests (Debian's where apt works, else Playwright's)
chromium: $(VENV)/.test
	@command -v chromium >/dev/null 2>&1 || \
	  (command -v apt-get >/dev/null 2>&1 && [ "$$(id -u)" = 0 ] && \
	   apt-get update -qq && apt-get install -y -qq chromium) || \
	  $(VENV)/bin/playwright install chromium

# axe-core and pa11y for the accessibility tests and esbuild for `make bundle`, as
# package-lock.json pins them; Lighthouse only for `make bench` (tools/bench/package.json).
node_modules/.installed: package.json package-lock.json
	npm ci --no-audit --no-fund
	touch $@

tools/bench/node_modules/.installed: tools/bench/package.json tools/bench/package-lock.json
	cd tools/bench && npm ci --no-audit --no-fund
	touch $@

## test: set up everything the tests need and run them all
test: $(VENV)/.test chromium node_modules/.installed lint node-tests unit build nbval browser-tests

## lint: ruff (lint and format check) on $(RUFFED), mypy on $(LINTED); Biome and tsc --checkJs on the browser code
lint: $(VENV)/.test node_modules/.installed
	$(VENV)/bin/ruff check $(RUFFED)
	$(VENV)/bin/ruff format --check $(RUFFED)
	$(VENV)/bin/mypy $(LINTED)
	npm run --silent lint
	npm run --silent typecheck

# One pytest run per folder: each prints its own time (README, Tests).
unit: $(VENV)/.test
	$(PY) -m pytest tests/unit
	$(PY) -m pytest $(XDIST) tests/errors

## node-tests: the browser code's pure logic, and that the committed bundles are current
node-tests: $(VENV)/.test node_modules/.installed  # the contract scan asks the project's Python
	node --test tests/node/

## bundle: after editing widgets/js/, make the browser modules in widgets/static/ anew
bundle: node_modules/.installed
	node tools/bundle.mjs

nbval: $(VENV)/.test
	JUPYTER_DEFAULT_PROVISIONER_NAME=integraal-ipc $(PY) -m pytest --nbval --nbval-current-env -p no:cacheprovider $(XDIST) --dist loadfile _build/jupyter_execute

browser-tests: $(VENV)/.test node_modules/.installed
	$(PY) -m pytest tests/build
	$(PY) -m pytest $(XDIST) --dist loadgroup tests/browser

clean:
	rm -rf _build

## moodle: every quiz question with its feedback as Moodle XML in _build/moodle/
moodle: $(VENV)/.site
	$(PY) -m widgets.moodle data _build/moodle

## qti: question banks for other platforms in _build/qti/: a QTI 1.2 zip (Canvas, Blackboard), an
## IMS Common Cartridge 1.1 (Brightspace, Moodle's course import) and a GIFT file (Moodle)
qti: $(VENV)/.site
	$(PY) -m widgets.exports data _build/qti

## scorm: the book as a SCORM 1.2 package, _build/scorm/integraal-samenwerken-scorm12.zip, from the
## built site (built first if missing); SCORM_MASTERY=80 makes a chapter passed/failed at that score
scorm: $(VENV)/.site
	test -f _build/html/index.html || $(BUILD)
	$(PY) -m widgets.exports.scorm _build/html _build/scorm $(if $(SCORM_MASTERY),--mastery-score $(SCORM_MASTERY))

## pdf: the learner's book as one PDF (_build/pdf/integraal-samenwerken.pdf) and, beside it, the
## trainers' answer key (_build/pdf/antwoorden-voor-trainers.pdf), via headless Chromium
pdf: $(VENV)/.test chromium
	$(PY) tools/pdf.py _build/html _build/pdf/integraal-samenwerken.pdf

## bench: what the build and the pages cost, against a plain Jupyter Book (prints name: value)
bench: $(VENV)/.test chromium tools/bench/node_modules/.installed
	$(PY) tools/bench.py

## linkcheck: visit every external link of the chapters (needs a network; report in
## _build/linkcheck/_build/html/output.txt). Offline, tests/build/test_html_valid.py checks that
## every external link, also those in the exercises, is a well-formed address.
linkcheck: $(VENV)/.site
	$(VENV)/bin/jupyter-book build --path-output _build/linkcheck . --builder linkcheck

## panel: every question of the book without keys, options shuffled with a fixed seed, for a panel:
## _build/panel/panel-alle-vragen.md (blind panel) and panel-hN.md per chapter (informed panels)
panel: $(VENV)/.site
	$(PY) tools/panel.py write --out _build/panel

## panel-score ANSWERS=path: a panel's answers against the keys, per chapter and overall, with chance
panel-score: $(VENV)/.site
	@test -n "$(ANSWERS)" || (echo "gebruik: make panel-score ANSWERS=tests/panels/DATUM-blind/antwoorden.txt" && exit 2)
	$(PY) tools/panel.py score $(ANSWERS)
