"""`haicap payments import FILE --unit CODE --user USERNAME` (a bank statement, Excel or CSV,
imported and matched as that finance officer) and `haicap payments demo`."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand, CommandError, CommandParser
from django.db import transaction

from haicap.core.errors import ApplicationError
from haicap.core.management.commands.demo_setup import DEMO_PASSWORD
from haicap.payments.demo import payments_demo
from haicap.payments.models import StatementImport
from haicap.payments.services import statement_import
from haicap.units.selectors import unit_by_code


def _summary(batch: StatementImport) -> str:
    return (
        f"{batch.lines} dòng có: {batch.new} giao dịch mới, {batch.matched} khớp tự động, "
        f"{batch.queued} chờ xử lý, {batch.duplicates} đã nhập trước đó."
    )


class Command(BaseCommand):
    help = "Fees paid electronically: import a bank statement; the demo statement."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("import", help="import a bank statement (xlsx or csv)")
        load.add_argument("file", type=Path)
        load.add_argument("--unit", required=True, help="code of the unit whose account it is")
        load.add_argument("--user", required=True, help="the finance officer importing it")
        demo = sub.add_parser("demo", help="finance officer and a demo statement (idempotent)")
        demo.add_argument("--password", default=DEMO_PASSWORD)

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "demo":
            with transaction.atomic():
                officer, batch, path = payments_demo(options["password"])
            self.stdout.write(
                f"Cán bộ tài chính demo: {officer.username} (mật khẩu: {options['password']}), "
                f"trang /thu-phi/; sao kê demo: {path}"
            )
            self.stdout.write(_summary(batch) if batch else "Sao kê demo đã nhập trước đó.")
            return
        user = get_user_model().objects.filter(username=options["user"]).first()
        if user is None:
            raise CommandError(f"no user «{options['user']}»")
        unit = unit_by_code(options["unit"])
        if unit is None:
            raise CommandError(f"no unit «{options['unit']}»")
        try:
            content = options["file"].read_bytes()
        except OSError as exc:
            raise CommandError(str(exc)) from exc
        try:
            batch = statement_import(
                content=content, filename=options["file"].name, unit=unit, actor=user
            )
        except ApplicationError as exc:
            lines = "\n".join(exc.extra.get("errors", []))
            raise CommandError(f"{exc.message}\n{lines}".strip()) from exc
        self.stdout.write(_summary(batch))
