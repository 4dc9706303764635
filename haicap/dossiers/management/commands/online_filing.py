"""`haicap online_filing demo`: the demo citizen's online filings, seen in "my dossiers"
(idempotent)."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from haicap.dossiers.online_demo import CITIZEN, online_demo


class Command(BaseCommand):
    help = "Online filing: the demo citizen's dossiers filed online (my dossiers)."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("demo", help="the demo citizen files birth registrations online")

    def handle(self, *args: Any, **options: Any) -> None:
        try:
            result = online_demo()
        except RuntimeError as exc:
            raise CommandError(str(exc)) from exc
        self.stdout.write(
            f"Nộp trực tuyến: {result.made} hồ sơ mới; «Hồ sơ của tôi» của {CITIZEN}: "
            f"{result.mine} hồ sơ (/ho-so-cua-toi/)"
        )
