"""`haicap metrics rebuild [--province 79]`: recompute the index's counters from the tables."""

from __future__ import annotations

import time
from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haicap.metrics.rebuild import rebuild


class Command(BaseCommand):
    help = "Chỉ số phục vụ: tính lại toàn bộ số liệu từ hồ sơ và phản ánh (rebuild)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        rebuild_parser = sub.add_parser("rebuild", help="tính lại từ đầu")
        rebuild_parser.add_argument("--province", default=None, help="mã tỉnh (mặc định: tất cả)")

    def handle(self, *args: Any, **options: Any) -> None:
        started = time.perf_counter()

        def say(step: str) -> None:
            self.stderr.write(f"[{time.perf_counter() - started:6.1f}s] {step}…")

        result = rebuild(options["province"], progress=say)
        self.stdout.write(
            f"Đã tính lại: {result['days']} dòng theo ngày, {result['months']} dòng theo tháng "
            f"trong {time.perf_counter() - started:.1f} s."
        )
