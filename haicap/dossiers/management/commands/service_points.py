"""`haicap service_points demo`: the branch counter officer's demo login and dossiers received
at the HCMC centre's branch in old Quận 1 for Phường Bến Thành (idempotent); `haicap
service_points list`: the service points in force."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haicap.core.management.commands.demo_setup import DEMO_PASSWORD
from haicap.dossiers.models import Dossier
from haicap.dossiers.points_demo import BRANCH, points_demo
from haicap.units.points import service_points


class Command(BaseCommand):
    help = "Service points (province centre and branches): demo workload, list."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        demo = sub.add_parser("demo", help="branch counter officer and demo dossiers")
        demo.add_argument("--password", default=DEMO_PASSWORD)
        demo.add_argument("--count", type=int, default=10)
        listing = sub.add_parser("list", help="service points in force")
        listing.add_argument("--province", default="")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "list":
            for p in service_points(options["province"]):
                self.stdout.write(f"{p.unit.code}  {p.unit.full_name} · {p.address}")
            return
        try:
            result = points_demo(options["password"], options["count"])
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        at_branch = Dossier.objects.filter(receiving_unit__code=BRANCH).count()
        self.stdout.write(
            f"Điểm tiếp nhận: {result.branch}; hồ sơ demo tạo mới {result.made}, "
            f"tổng {at_branch} hồ sơ nộp tại chi nhánh; "
            f"{result.boundary_free} thủ tục được đặt phi địa giới."
        )
        self.stdout.write(
            f"  {result.login:<18} Cán bộ một cửa chi nhánh  (mật khẩu: {options['password']})"
        )
        self.stdout.write("  Danh sách điểm tiếp nhận: /diem-tiep-nhan/")
