"""A throwaway PostgreSQL cluster for benchmarks (as scripts/test.sh starts one for the tests):
initdb in a temp directory, socket only, stopped and removed on exit (kept, and its address
printed, with HAICAP_BENCH_KEEP=1)."""

from __future__ import annotations

import atexit
import glob
import os
import shutil
import subprocess
import sys
import tempfile
import urllib.parse


def _as_postgres(args: list[str]) -> list[str]:
    return ["runuser", "-u", "postgres", "--", *args] if os.geteuid() == 0 else args


def throwaway_cluster(settings: str = "-c synchronous_commit=off") -> str:
    """Start a cluster and return its HAICAP_DATABASE_URL; it is removed when Python exits."""
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    if not bins:
        raise SystemExit("PostgreSQL binaries not found: apt-get install postgresql")
    pg_bin = bins[-1]
    pgdir = tempfile.mkdtemp(prefix="haicap-bench-pg-")
    if os.geteuid() == 0:
        shutil.chown(pgdir, "postgres")
    data = os.path.join(pgdir, "data")
    subprocess.run(
        _as_postgres(
            [
                f"{pg_bin}/initdb",
                "-D",
                data,
                "-U",
                "postgres",
                "--auth=trust",
                "-E",
                "UTF8",
                "--locale=C.UTF-8",
            ]
        ),
        check=True,
        capture_output=True,
    )
    # log_min_error_statement=panic, log_error_verbosity=terse: neither a failing statement nor
    # its DETAIL line ("Key (id_number)=(...)") is written to the server log (ID and phone
    # numbers); see docs/operations.md.
    options = (
        f"-c listen_addresses='' -c unix_socket_directories='{pgdir}' -c max_connections=200"
        f" -c log_min_error_statement=panic -c log_error_verbosity=terse {settings}"
    )
    subprocess.run(
        _as_postgres(
            [
                f"{pg_bin}/pg_ctl",
                "-D",
                data,
                "-l",
                os.path.join(pgdir, "log"),
                "-w",
                "start",
                "-o",
                options,
            ]
        ),
        check=True,
        capture_output=True,
    )

    def stop() -> None:
        if os.environ.get("HAICAP_BENCH_KEEP") == "1":  # to measure the same data again
            print(f"kept: HAICAP_DATABASE_URL={url} (pg_ctl -D {data} stop)", file=sys.stderr)
            return
        subprocess.run(
            _as_postgres([f"{pg_bin}/pg_ctl", "-D", data, "-m", "immediate", "stop"]),
            capture_output=True,
        )
        shutil.rmtree(pgdir, ignore_errors=True)

    url = f"postgres://postgres@{urllib.parse.quote(pgdir, safe='')}/haicap"
    atexit.register(stop)
    subprocess.run(
        _as_postgres([f"{pg_bin}/createdb", "-h", pgdir, "-U", "postgres", "haicap"]),
        check=True,
        capture_output=True,
    )
    return url


def kept_cluster(directory: str, settings: str = "-c synchronous_commit=off") -> tuple[str, bool]:
    """A cluster kept in `directory` between runs (initdb the first time): its
    HAICAP_DATABASE_URL and whether it is new. Stopped, not removed, when Python exits."""
    bins = sorted(glob.glob("/usr/lib/postgresql/*/bin"), key=lambda p: int(p.split("/")[-2]))
    if not bins:
        raise SystemExit("PostgreSQL binaries not found: apt-get install postgresql")
    pg_bin = bins[-1]
    data = os.path.join(directory, "data")
    fresh = not os.path.exists(os.path.join(data, "PG_VERSION"))
    if fresh:
        shutil.rmtree(directory, ignore_errors=True)
        os.makedirs(directory)
        if os.geteuid() == 0:
            shutil.chown(directory, "postgres")
        subprocess.run(
            _as_postgres(
                [f"{pg_bin}/initdb", "-D", data, "-U", "postgres", "--auth=trust", "-E", "UTF8"]
            ),
            check=True,
            capture_output=True,
        )
    options = (
        f"-c listen_addresses='' -c unix_socket_directories='{directory}' -c max_connections=200"
        f" -c log_min_error_statement=panic -c log_error_verbosity=terse {settings}"
    )
    log = os.path.join(directory, "log")
    subprocess.run(
        _as_postgres([f"{pg_bin}/pg_ctl", "-D", data, "-l", log, "-w", "start", "-o", options]),
        check=True,
        capture_output=True,
    )
    atexit.register(
        lambda: subprocess.run(
            _as_postgres([f"{pg_bin}/pg_ctl", "-D", data, "-m", "fast", "stop"]),
            capture_output=True,
        )
    )
    if fresh:
        subprocess.run(
            _as_postgres([f"{pg_bin}/createdb", "-h", directory, "-U", "postgres", "haicap"]),
            check=True,
            capture_output=True,
        )
    return f"postgres://postgres@{urllib.parse.quote(directory, safe='')}/haicap", fresh
