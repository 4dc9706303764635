"""`haicap procedures load`: load the shipped catalogue and report parse problems per field;
`haicap procedures checklist-report`: how much of the catalogue's components became checklists."""

from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from haicap.procedures.loading import CatalogueError, procedures_load
from haicap.procedures.models import Procedure
from haicap.procedures.requirements_report import structuring_report


class Command(BaseCommand):
    help = "The procedure catalogue: load it (idempotent) and print the import summary."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("load", help="load the national catalogue shipped with haicap")
        sub.add_parser(
            "checklist-report",
            help="items to submit and present, conditional items, notes, and what failed per field",
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "checklist-report":
            report = structuring_report(
                Procedure.objects.only("code", "raw", "parse_problems").iterator(chunk_size=200)
            )
            for line in report.lines():
                self.stdout.write(line)
            return
        with Progress(
            TextColumn("procedures"),
            BarColumn(),
            MofNCompleteColumn(),
            disable=not self.stdout.isatty(),
        ) as bar:
            task = bar.add_task("procedures", total=None)
            try:
                summary = procedures_load(
                    progress=lambda done, total: bar.update(task, completed=done, total=total)
                )
            except CatalogueError as exc:
                raise CommandError(str(exc)) from exc
        for line in summary.lines():
            self.stdout.write(line)
