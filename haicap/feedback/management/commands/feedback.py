"""`haicap feedback escalate`: escalate overdue reports (run it from cron every few minutes);
`key` / `key-revoke`: Open311 api_keys; `demo`: the demo reports."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from haicap.core.errors import ApplicationError
from haicap.feedback.demo import demo_reports
from haicap.feedback.open311 import key_issue, key_revoke
from haicap.feedback.services import reports_escalate
from haicap.units.selectors import default_province


class Command(BaseCommand):
    help = "Citizen feedback: escalate overdue reports to the unit's leader, then the province."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("escalate", help="escalate reports past their answer date")
        sub.add_parser("demo", help="demo reports around central HCMC (idempotent)")
        key = sub.add_parser("key", help="issue an Open311 api_key (shown once)")
        key.add_argument("label", help="who uses it, e.g. 'Ứng dụng 1022'")
        key.add_argument("--province", default=default_province())
        revoke = sub.add_parser("key-revoke", help="revoke the Open311 api_keys issued to a label")
        revoke.add_argument("label")
        revoke.add_argument("--province", default=default_province())

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "demo":
            with transaction.atomic():
                made = demo_reports()
            self.stdout.write(f"Phản ánh demo: tạo mới {made}.")
            return
        if options["action"] == "key":
            try:
                raw = key_issue(label=options["label"], province_code=options["province"])
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(
                f"Open311 api_key for «{options['label']}» ({options['province']}): {raw}"
            )
            return
        if options["action"] == "key-revoke":
            try:
                with transaction.atomic():
                    count = key_revoke(label=options["label"], province_code=options["province"])
            except ApplicationError as exc:
                raise CommandError(exc.message) from exc
            self.stdout.write(f"Đã thu hồi {count} api_key của «{options['label']}».")
            return
        moved = reports_escalate()
        self.stdout.write(f"Phản ánh quá hạn đã báo cáo cấp trên: {moved}.")
