"""`haicap procedures load`: load the shipped catalogue and report parse problems per field.
`haicap procedures checklist-report`: how much of the catalogue's components became checklists.
`haicap procedures settings export|import --province 79 FILE`: a province's settings sheet.
`haicap procedures settings demo --province 79`: HCMC's commune procedures from one sheet."""

from __future__ import annotations

from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from haicap.core.errors import ApplicationError
from haicap.core.workflow import SYSTEM
from haicap.procedures.loading import CatalogueError, procedures_load
from haicap.procedures.models import Procedure
from haicap.procedures.requirements_report import structuring_report
from haicap.procedures.settings_bulk import settings_apply, settings_check, settings_export


class Command(BaseCommand):
    help = "The procedure catalogue: load it (idempotent); a province's settings sheet."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        sub.add_parser("load", help="load the national catalogue shipped with haicap")
        sub.add_parser(
            "checklist-report",
            help="items to submit and present, conditional items, notes, and what failed per field",
        )
        sheet = sub.add_parser("settings", help="a province's settings as an Excel sheet")
        verbs = sheet.add_subparsers(dest="verb", required=True)
        for verb, text in (
            ("export", "write the province's settings sheet to FILE"),
            ("import", "check FILE and apply it in one transaction (all or nothing)"),
            ("demo", "configure the province's commune procedures from a demonstration sheet"),
        ):
            one = verbs.add_parser(verb, help=text)
            one.add_argument("--province", required=True)
            if verb != "demo":
                one.add_argument("file")
            if verb == "export":
                one.add_argument("--level", default="", choices=["", "commune", "province"])
            if verb == "import":
                one.add_argument("--dry-run", action="store_true", help="check and preview only")

    def _progress(self, label: str) -> Progress:
        return Progress(
            TextColumn(label), BarColumn(), MofNCompleteColumn(), disable=not self.stdout.isatty()
        )

    def handle(self, *args: Any, **options: Any) -> None:
        if options["action"] == "checklist-report":
            report = structuring_report(
                Procedure.objects.only("code", "raw", "parse_problems").iterator(chunk_size=200)
            )
            for line in report.lines():
                self.stdout.write(line)
            return
        if options["action"] == "settings":
            try:
                self._settings(options)
            except ApplicationError as exc:
                details = "\n".join(exc.extra.get("errors", []))
                raise CommandError(f"{exc.message}\n{details}".strip()) from exc
            return
        with self._progress("procedures") as bar:
            task = bar.add_task("procedures", total=None)
            try:
                summary = procedures_load(
                    progress=lambda done, total: bar.update(task, completed=done, total=total)
                )
            except CatalogueError as exc:
                raise CommandError(str(exc)) from exc
        for line in summary.lines():
            self.stdout.write(line)

    def _settings(self, options: dict[str, Any]) -> None:
        province, verb = options["province"], options["verb"]
        if verb == "demo":
            from haicap.procedures.settings_demo import demo_configure

            for line in demo_configure(province):
                self.stdout.write(line)
            return
        path = Path(options["file"])
        if verb == "export":
            content = settings_export(province, actor=SYSTEM, level=options["level"])
            path.write_bytes(content)
            self.stdout.write(f"Đã ghi {path} ({len(content):,} byte).")
            return
        if not path.is_file():
            raise CommandError(f"Không có tệp {path}.")
        content = path.read_bytes()
        with self._progress("kiểm tra" if options["dry_run"] else "áp dụng") as bar:
            task = bar.add_task("rows", total=None)

            def step(done: int, total: int) -> None:
                bar.update(task, completed=done, total=total)

            if options["dry_run"]:
                check = settings_check(province, content, step)
            else:
                check = settings_apply(
                    province, content, actor=SYSTEM, filename=path.name, progress=step
                )
        for error in check.errors:
            self.stdout.write(str(error))
        for change in check.changes[:20]:
            diffs = "; ".join(f"{f}: {a} → {b}" for f, a, b in change.differences())
            self.stdout.write(f"Dòng {change.line} {change.code}: {diffs}")
        done = "Sẽ thay đổi" if options["dry_run"] else "Đã thay đổi"
        self.stdout.write(
            f"{check.rows} dòng, {len(check.errors)} lỗi. {done} {len(check.changes)} thủ tục."
        )
