# Two commands set everything up: `make run` and `make test`.
PYTHON ?= python3
VENV := .venv
BIN := $(VENV)/bin
STAMP := $(VENV)/.installed

.PHONY: run test fuzz lint format bench bench-dumps browser clean bench-scale vendor-plotly

$(STAMP): pyproject.toml constraints.txt
	test -x $(BIN)/python || $(PYTHON) -m venv $(VENV)
	$(BIN)/python -m pip install --quiet --disable-pip-version-check -c constraints.txt -e '.[dev,dask]'
	touch $(STAMP)

run: $(STAMP)
	$(BIN)/vntrade timeline data/seeds
	$(BIN)/vntrade report data/seeds -o seeds.html
	@echo "The same corpus as one HTML page: open seeds.html in a browser (vntrade report --help)."

test: $(STAMP)
	$(BIN)/pytest

# Thousands of hypothesis examples per fuzz test (tests/test_fuzz.py), fresh randomness each run.
fuzz: $(STAMP)
	VNTRADE_FUZZ=1 $(BIN)/pytest tests/test_fuzz.py -p no:cacheprovider --hypothesis-show-statistics

lint: $(STAMP)
	$(BIN)/ruff check src tests benchmarks scripts
	$(BIN)/ruff format --check src tests benchmarks scripts
	$(BIN)/lint-imports

format: $(STAMP)
	$(BIN)/ruff format src tests benchmarks scripts
	$(BIN)/ruff check --fix src tests benchmarks scripts

bench: $(STAMP)
	$(BIN)/python benchmarks/run.py

# JSONL, JSON and CSV dumps of 20 and 200 MB through the loader: constant memory (~4 min).
bench-dumps: $(STAMP)
	cd benchmarks && ../$(BIN)/python dumps.py

# Debian's Chromium and its driver, for the report's browser tests (as root; nothing else
# can fetch a browser here).
browser:
	test -x /usr/bin/chromium -a -x /usr/bin/chromedriver || \
	  { apt-get update -qq && DEBIAN_FRONTEND=noninteractive \
	    apt-get install -y -qq --no-install-recommends chromium chromium-driver; }

clean:
	rm -rf $(VENV) build src/*.egg-info .pytest_cache .ruff_cache seeds.html

# Stores of 1k, 10k and 100k labelled articles, events clustered at ingest: build time with
# and without clustering, B-cubed, the views' time and peak RSS on the store, and a real
# spaCy ingest of 1k clustered and deferred (~4 min); figures in benchmarks/scale_results.json.
bench-scale: $(STAMP)
	$(BIN)/python benchmarks/scale.py --real-ingest

# The report inlines plotly.js's basic bundle (scatter, bar: 1.2 MB; plotly's full bundle is
# 4.8 MB), vendored in the package so that nobody needs npm. This fetches the pinned version
# again and checks it (the same version as the plotly package's own plotly.js).
PLOTLY_BASIC := plotly.js-basic-dist-min@4.1.1
PLOTLY_BASIC_SHA256 := 99784e3abfb07b142a15e521a439e6d9addceadb3f79553fd24c72774f0649ba
vendor-plotly:
	rm -rf build/plotly && mkdir -p build/plotly
	cd build/plotly && npm pack --silent $(PLOTLY_BASIC) && tar xzf *.tgz
	echo "$(PLOTLY_BASIC_SHA256)  build/plotly/package/plotly-basic.min.js" | sha256sum -c -
	cp build/plotly/package/plotly-basic.min.js src/vntrade/report/templates/plotly-basic.min.js
	cp build/plotly/package/LICENSE src/vntrade/report/templates/plotly-basic.LICENSE
