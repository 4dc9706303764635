"""`haicap simulate --province 79 --from 2025-07-01 --to 2025-09-10 --seed 1`"""

from __future__ import annotations

import dataclasses
import datetime as dt
import sys
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.utils import timezone

from haicap.simulate.models import Run
from haicap.simulate.profile import HCMC_END, HCMC_START, Profile, default_total
from haicap.simulate.run import simulate
from haicap.units.models import Level, Unit
from haicap.workdays.calendar import VN


def _date(value: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise CommandError(f"ngày «{value}» không hợp lệ: dùng dạng YYYY-MM-DD") from None


class Command(BaseCommand):
    help = (
        "Tạo dữ liệu mô phỏng hồ sơ của một tỉnh theo đúng quy trình (mặc định hiệu chỉnh theo "
        "TP.HCM 1/7–10/9/2025: 932.670 hồ sơ, 52,5% trực tuyến, 98,6% đúng hạn, 90,6% hài lòng). "
        "Chạy lại cùng tham số sẽ tiếp tục từ ngày còn dở."
    )

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--province", required=True, help="mã tỉnh, ví dụ 79")
        parser.add_argument("--from", dest="start", default=HCMC_START.isoformat())
        parser.add_argument("--to", dest="end", default=HCMC_END.isoformat())
        parser.add_argument("--seed", type=int, default=1)
        parser.add_argument(
            "--dossiers", type=int, default=None, help="tổng số hồ sơ (mặc định theo quy mô tỉnh)"
        )
        parser.add_argument("--path", choices=["bulk", "services"], default="bulk")
        parser.add_argument("--max-days", type=int, default=None, help="dừng sau N ngày")
        parser.add_argument(
            "--recent",
            type=int,
            default=None,
            help="N ngày gần nhất đến hôm qua (thay cho --from/--to)",
        )
        parser.add_argument(
            "--once",
            action="store_true",
            help="không làm gì nếu tỉnh đã có dữ liệu mô phỏng (dùng cho make demo)",
        )
        parser.add_argument(
            "--workers", type=int, default=1, help="số tiến trình ghi song song (PostgreSQL)"
        )

    def handle(self, *args: Any, **options: Any) -> None:
        province, start, end = options["province"], _date(options["start"]), _date(options["end"])
        if options["recent"] is not None:
            if not 1 <= options["recent"] <= 3 * 366:
                raise CommandError("--recent phải từ 1 đến 1098 ngày")
            today = timezone.now().astimezone(VN).date()
            start, end = today - dt.timedelta(days=options["recent"]), today - dt.timedelta(days=1)
        if options["once"] and Run.objects.filter(province_code=province).exists():
            self.stdout.write(f"Tỉnh {province} đã có dữ liệu mô phỏng: bỏ qua (--once).")
            return
        if end < start:
            raise CommandError(f"--to ({end}) phải sau --from ({start})")
        if not Unit.objects.current().filter(level=Level.PROVINCE, code=province).exists():
            raise CommandError(f"không có tỉnh mã «{province}» (chạy 'haicap units load' trước?)")
        communes = Unit.objects.current().filter(level=Level.COMMUNE, province_code=province)
        total = options["dossiers"]
        if total is None:
            total = default_total(communes.count(), start, end)
        if total < 1:
            raise CommandError("--dossiers phải lớn hơn 0")
        profile = dataclasses.replace(Profile(), total=total)

        def progress(done: int, days: int, dossiers: int, seconds: float) -> None:
            width = 30
            filled = width * done // days
            rate = dossiers / seconds if seconds else 0
            sys.stderr.write(
                f"\r[{'#' * filled}{'.' * (width - filled)}] ngày {done}/{days} · "
                f"{dossiers:,} hồ sơ · {rate:,.0f}/s "
            )
            sys.stderr.flush()

        try:
            result = simulate(
                province,
                start,
                end,
                seed=options["seed"],
                profile=profile,
                path=options["path"],
                max_days=options["max_days"],
                workers=max(1, options["workers"]),
                progress=progress,
            )
        except (ValueError, RuntimeError) as error:
            raise CommandError(str(error)) from None
        sys.stderr.write("\n")
        run = result.run
        resumed = f" (tiếp tục: {result.skipped_days} ngày đã có)" if result.skipped_days else ""
        self.stdout.write(
            f"Tỉnh {province}: đã ghi {result.dossiers:,} hồ sơ trong {result.seconds:.1f} s"
            f"{resumed}; tổng của lượt mô phỏng {run.dossiers:,}/{run.total:,} hồ sơ, "
            f"{run.days.count()}/{(end - start).days + 1} ngày; {run.reports:,} phản ánh."
        )
