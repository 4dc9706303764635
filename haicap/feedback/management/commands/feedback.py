"""`haicap feedback escalate`: escalate overdue reports (run it from cron every few minutes)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandParser

from haicap.feedback.services import reports_escalate


class Command(BaseCommand):
    help = "Citizen feedback: escalate overdue reports to the unit's leader, then the province."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("escalate", help="escalate reports past their answer date")

    def handle(self, *args: Any, **options: Any) -> None:
        moved = reports_escalate()
        self.stdout.write(f"Phản ánh quá hạn đã báo cáo cấp trên: {moved}.")
