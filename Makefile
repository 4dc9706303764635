# haicap: `make demo` runs the platform on SQLite with real reference data; `make test` runs
# the whole suite (SQLite, plus PostgreSQL and browser lanes when their binaries are present).
PYTHON ?= $(shell command -v python3.11 || command -v python3)
VENV := .venv
BIN := $(VENV)/bin
HAICAP := $(BIN)/haicap
HOST ?= 127.0.0.1
PORT ?= 8000

.PHONY: demo test lint install serve bench clean messages

$(BIN)/activate:
	@$(PYTHON) -c 'import sys; assert sys.version_info[:2] == (3, 11), "haicap needs Python 3.11"' \
	  || { echo "Python 3.11 is required (found $$($(PYTHON) --version))"; exit 1; }
	@$(PYTHON) -m venv $(VENV) 2>/dev/null || { \
	  if [ "$$(id -u)" = 0 ] && command -v apt-get >/dev/null; then \
	    echo "installing python3-venv (apt)"; apt-get install -y -qq python3-venv >/dev/null || \
	    { apt-get update -qq && apt-get install -y -qq python3-venv >/dev/null; }; \
	    rm -rf $(VENV); $(PYTHON) -m venv $(VENV); \
	  else echo "python venv is missing: sudo apt-get install python3-venv"; exit 1; fi; }

$(VENV)/.installed: $(BIN)/activate pyproject.toml
	$(BIN)/pip install -q --upgrade pip
	$(BIN)/pip install -q -e ".[dev]"
	@touch $@

install: $(VENV)/.installed

demo: install
	$(HAICAP) migrate --noinput -v0
	$(HAICAP) collectstatic --noinput -v0
	$(HAICAP) units load
	$(HAICAP) procedures load
	$(HAICAP) procedures checklist-report
	$(HAICAP) demo_setup
	$(HAICAP) procedures settings demo --province 79
	$(HAICAP) dossiers demo
	$(HAICAP) online_filing demo  # the demo citizen's online filings: /ho-so-cua-toi/ (congdan)
	$(HAICAP) service_points demo
	$(HAICAP) payments demo
	$(HAICAP) feedback demo
	$(HAICAP) simulate --province 79 --recent 90 --dossiers 15000 --once
	$(HAICAP) notify demo  # an electronic result, then the outbox delivered (/he-thong/thong-bao/)
	@echo "Mẫu địa chỉ cũ để thử chuyển đổi hàng loạt: haicap/units/data/demo/dia_chi_cu_mau.csv"
	@echo "haicap đang chạy tại http://$(HOST):$(PORT)/  (Ctrl+C để dừng)"
	# the access log leaves out query strings: addresses in them are personal data
	$(BIN)/gunicorn -c gunicorn.conf.py haicap.wsgi:application --bind $(HOST):$(PORT) --workers 2 --threads 4 \
	  --access-logfile - --access-logformat '%(h)s %(t)s "%(m)s %(U)s" %(s)s %(b)s %(M)sms' \
	  --error-logfile -

test: install
	./scripts/test.sh

lint: install
	$(BIN)/ruff check haicap bench scripts tests conftest.py
	$(BIN)/mypy haicap tests conftest.py

bench: install
	$(BIN)/pip install -q -e ".[bench]"
	$(BIN)/python bench/address_convert.py
	$(BIN)/python bench/locate.py
	$(BIN)/python bench/intake.py
	$(BIN)/python bench/feedback_routing.py
	$(BIN)/python bench/province_settings.py
	$(BIN)/python bench/exports.py  # a 20,000-row xlsx through core.exports.append_row
	$(BIN)/python bench/index.py  # 10 million dossiers: about 40 minutes on 2 cores
	$(BIN)/python bench/pages.py  # 1 million dossiers (kept in var/bench-pages/ for the next run)

# Vietnamese is the source language; English comes from haicap/locale/en_table.py.
messages: install
	cd haicap && ../$(HAICAP) makemessages -l en --no-obsolete -i "static/*" -i "*/tests/*" \
	  && ../$(BIN)/python ../scripts/fill_translations.py locale/en/LC_MESSAGES/django.po locale/en_table.py \
	  && ../$(HAICAP) compilemessages -l en

clean:
	rm -rf $(VENV) var .pytest_cache .mypy_cache .ruff_cache
