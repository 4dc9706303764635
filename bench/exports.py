"""Benchmark: writing a long xlsx sheet through `core.exports.append_row` (ADR 17).

The ranking's row shape (16 columns: text, scores, counts, ratios with number formats), N rows
(default 20,000), built and saved. Same-run baseline: the previous `append_row`, which appended
and then read the new row back through `sheet[sheet.max_row]`; `max_row` walks every cell, so
its time grows with the square of the rows, and it is run on fewer rows (default 5,000).

Prints one JSON line, wall and CPU seconds (the CPU time is what to compare on a shared machine).
Target: 20,000 rows appended in under 5 s of CPU, and twice the rows at most 3× the time.
"""

from __future__ import annotations

import argparse
import io
import json
import os
import time
from collections.abc import Callable
from typing import Any

import django
from _setup import machine

ROW: list[Any] = ["26743", "Phường Bến Thành", 84.44, 12.5, 10.0, 3.0, 5.5, 6.0, 1234, 0.65,
                  0.9, 0.8, 3, 2, 1, "=evil()"]  # fmt: skip


def timed(rows: int, append: Callable[[Any, list[Any]], None]) -> dict[str, float]:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    started, cpu = time.perf_counter(), time.process_time()
    for _ in range(rows):
        append(sheet, ROW)
    appended, appended_cpu = time.perf_counter() - started, time.process_time() - cpu
    book.save(io.BytesIO())
    return {"rows": rows, "append_s": round(appended, 2), "append_cpu_s": round(appended_cpu, 2),
            "with_save_s": round(time.perf_counter() - started, 2)}  # fmt: skip


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument("--rows", type=int, default=20_000)
    parser.add_argument("--baseline-rows", type=int, default=5_000)
    args = parser.parse_args()
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "haicap.settings")
    django.setup()
    from haicap.core.exports import COUNT, DECIMAL2, PERCENT, append_row, safe_cell

    formats = [None, None, DECIMAL2, DECIMAL2, DECIMAL2, DECIMAL2, DECIMAL2, DECIMAL2, COUNT,
               PERCENT, PERCENT, PERCENT, COUNT, COUNT, COUNT]  # fmt: skip

    def before(sheet: Any, values: list[Any]) -> None:
        sheet.append(list(values))
        for cell in sheet[sheet.max_row]:
            safe_cell(cell)

    now = timed(args.rows, lambda sheet, values: append_row(sheet, values, formats))
    half = timed(args.rows // 2, lambda sheet, values: append_row(sheet, values, formats))
    baseline = timed(args.baseline_rows, before)
    print(json.dumps({
        "benchmark": "exports", "columns": len(ROW), "append_row": now, "append_row_half": half,
        "baseline_read_back": baseline, "machine": machine(),
        "pass": now["append_cpu_s"] < 5 and now["append_cpu_s"] < 3 * max(half["append_cpu_s"], 0.01),
    }))  # fmt: skip


if __name__ == "__main__":
    main()
