"""The benchmark's own list of pages (bench/pages.py), loaded as a module for the tests."""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

BENCH = Path(__file__).resolve().parents[2] / "bench"


def bench_pages() -> ModuleType:
    if "bench_pages" not in sys.modules:
        sys.path.insert(0, str(BENCH))  # its helpers (_http, _pg, _setup) import each other
        spec = importlib.util.spec_from_file_location("bench_pages", BENCH / "pages.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules["bench_pages"] = module
        spec.loader.exec_module(module)
    return sys.modules["bench_pages"]
