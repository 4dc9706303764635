#!/usr/bin/env bash
# The whole suite: lint, then pytest on SQLite (with browser tests when chromium is present),
# then pytest on a throwaway PostgreSQL cluster when PostgreSQL binaries are present.
# HAICAP_REQUIRE_POSTGRES=1 / HAICAP_REQUIRE_BROWSER=1 (set by .ci/run) turn a missing lane
# into a failure instead of a reported skip.
set -euo pipefail
cd "$(dirname "$0")/.."
BIN=.venv/bin
export DJANGO_SETTINGS_MODULE=haicap.settings

echo "== lint: ruff, mypy"
$BIN/ruff check haicap bench scripts tests conftest.py
$BIN/mypy haicap tests conftest.py

# Each lane runs on pytest-xdist workers, one per core (HAICAP_TEST_JOBS overrides; 1 = no xdist),
# at most 4: every worker loads the reference data into its own test database. The tests that use
# the demo installation are marked to share one worker (`--dist loadgroup`), but pytest 9.2 with
# pytest-xdist 3.8 does not group them, so each worker builds its own demo (in its own temp folder;
# about 30 s more in lane 1). See tests/conftest.py and docs/benchmarks.md.
jobs=${HAICAP_TEST_JOBS:-$(nproc)}
[ "$jobs" -gt 4 ] && jobs=4
xdist=()
[ "$jobs" -gt 1 ] && xdist=(-n "$jobs" --dist loadgroup)

status=0
echo "== lane 1: SQLite (+ browser tests when /usr/bin/chromium exists)"
if [ ! -x /usr/bin/chromium ]; then
  if [ "${HAICAP_REQUIRE_BROWSER:-0}" = 1 ]; then echo "FAIL: chromium is required"; exit 1; fi
  echo "SKIPPED browser tests: /usr/bin/chromium not found"
fi
env -u HAICAP_DATABASE_URL HAICAP_VAR_DIR="$(mktemp -d)" $BIN/pytest -q -p no:cacheprovider "${xdist[@]}" -m "not postgres" "$@" || status=$?

pg_bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -n 1 || true)
if [ -z "$pg_bin" ] || [ ! -x "$pg_bin/initdb" ]; then
  if [ "${HAICAP_REQUIRE_POSTGRES:-0}" = 1 ]; then echo "FAIL: PostgreSQL binaries are required"; exit 1; fi
  echo "SKIPPED PostgreSQL lane: no initdb/pg_ctl found (apt-get install postgresql)"
  exit $status
fi

echo "== lane 2: PostgreSQL ($pg_bin)"
pgdir=$(mktemp -d /tmp/haicap-pg.XXXXXX)
as_pg() { if [ "$(id -u)" = 0 ]; then runuser -u postgres -- "$@"; else "$@"; fi; }
[ "$(id -u)" = 0 ] && chown postgres: "$pgdir"
cleanup() { as_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -m immediate stop >/dev/null 2>&1 || true; rm -rf "$pgdir"; }
trap cleanup EXIT
as_pg "$pg_bin/initdb" -D "$pgdir/data" -U postgres --auth=trust -E UTF8 --locale=C.UTF-8 >/dev/null
# log_min_error_statement=panic, log_error_verbosity=terse: the log keeps a failing statement's
# error, not its text nor its DETAIL ("Key (id_number)=(...)"), which carry citizen ID and phone
# numbers; see docs/operations.md.
as_pg "$pg_bin/pg_ctl" -D "$pgdir/data" -l "$pgdir/log" -w start \
  -o "-c listen_addresses='' -c unix_socket_directories='$pgdir' -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=100 -c log_min_error_statement=panic -c log_error_verbosity=terse" >/dev/null
as_pg "$pg_bin/createdb" -h "$pgdir" -U postgres haicap
export HAICAP_DATABASE_URL="postgres://postgres@$(python3 -c 'import sys,urllib.parse;print(urllib.parse.quote(sys.argv[1], safe=""))' "$pgdir")/haicap"
# `demo` tests run against the SQLite demo installation whatever the lane: lane 1 has run them.
HAICAP_PG_LANE=1 $BIN/pytest -q -p no:cacheprovider "${xdist[@]}" -m "not browser and not demo" "$@" || status=$?
exit $status
