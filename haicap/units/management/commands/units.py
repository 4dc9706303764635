"""`haicap units load|stats`: load the shipped reference data; print what is in force."""

from __future__ import annotations

import datetime as dt
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from haicap.units.loading import DATA_DIR, ReferenceDataError, units_load
from haicap.units.selectors import unit_counts_on


class Command(BaseCommand):
    help = "Administrative units: load the shipped reference data, or show counts on a date."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        load = sub.add_parser("load", help="load units and successions (idempotent)")
        load.add_argument("--data-dir", type=Path, default=DATA_DIR)
        stats = sub.add_parser("stats", help="count units in force on a date")
        stats.add_argument("--on", type=dt.date.fromisoformat, default=dt.date.today())

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "load":
            self._load(options["data_dir"])
        else:
            for level, count in unit_counts_on(options["on"]).items():
                self.stdout.write(f"{level}: {count}")

    def _load(self, data_dir: Path) -> None:
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            disable=not self.stdout.isatty(),
        ) as bar:
            tasks: dict[str, Any] = {}

            def progress(step: str, done: int, total: int) -> None:
                if step not in tasks:
                    tasks[step] = bar.add_task(step, total=total)
                bar.update(tasks[step], completed=done)

            try:
                summary = units_load(data_dir=data_dir, progress=progress)
            except ReferenceDataError as exc:
                raise CommandError(str(exc)) from exc
        self.stdout.write(self.style.SUCCESS(summary.line()))
