"""`haicap address convert`: old → new conversion of one address or a CSV sheet, offline."""

from __future__ import annotations

import csv
import json
import sys
from pathlib import Path
from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn

from haicap.units.address.batch import convert_rows, decode_upload
from haicap.units.address.convert import convert_address


class Command(BaseCommand):
    help = "Convert addresses from the pre-2025 form (commune, district, province) to the new one."

    def add_arguments(self, parser: CommandParser) -> None:
        sub = parser.add_subparsers(dest="action", required=True)
        conv = sub.add_parser("convert", help="convert one address, or a CSV file with --csv")
        conv.add_argument("address", nargs="?", help="the address text")
        conv.add_argument("--csv", type=Path, help="input CSV with an 'address'/'dia_chi' column")
        conv.add_argument("--out", type=Path, help="output CSV (default: standard output)")
        conv.add_argument("--lat", type=float)
        conv.add_argument("--lon", type=float)
        conv.add_argument("--json", action="store_true", help="print the full result as JSON")

    def handle(self, *args: Any, **options: Any) -> None:
        if options["csv"]:
            self._batch(options["csv"], options["out"])
        elif options["address"]:
            self._one(options["address"], options["lat"], options["lon"], options["json"])
        else:
            raise CommandError("give an address, or --csv FILE")

    def _one(self, text: str, lat: float | None, lon: float | None, as_json: bool) -> None:
        result = convert_address(text, lat=lat, lon=lon)
        if as_json:
            self.stdout.write(json.dumps(result.as_dict(), ensure_ascii=False, indent=2))
            return
        self.stdout.write(f"{result.status_label} (độ tin cậy {result.confidence:.2f})")
        if result.old_commune or result.old_district:
            old = [
                u.name for u in (result.old_commune, result.old_district, result.old_province) if u
            ]
            self.stdout.write("Địa chỉ cũ: " + ", ".join(old))
        for c in result.candidates:
            mark = "→" if result.new_commune and c.commune.code == result.new_commune.code else "?"
            self.stdout.write(
                f"{mark} {c.commune.name} ({c.commune.code}), {c.province.name} [{c.relation}]"
            )
        if result.new_address:
            self.stdout.write("Địa chỉ mới: " + result.new_address)
        for origin in result.formed_from:
            where = ", ".join(u.name for u in (origin.district, origin.province) if u)
            self.stdout.write(
                f"  hình thành từ {origin.commune.name} ({where}) [{origin.relation}]"
            )
        if result.not_understood:
            self.stdout.write("Không nhận ra: " + result.not_understood)
        for message in result.messages:
            self.stdout.write("· " + message)

    def _batch(self, source: Path, target: Path | None) -> None:
        try:
            text = decode_upload(source.read_bytes())
        except (OSError, ValueError) as exc:
            raise CommandError(f"{source}: {exc}") from exc
        lines = text.splitlines()
        out = target.open("w", encoding="utf-8", newline="") if target else sys.stdout
        try:
            with Progress(
                TextColumn("convert"),
                BarColumn(),
                MofNCompleteColumn(),
                disable=not sys.stderr.isatty(),
            ) as bar:
                task = bar.add_task("convert", total=max(0, len(lines) - 1))
                summary = convert_rows(
                    csv.reader(lines), csv.writer(out), progress=lambda n: bar.advance(task, n)
                )
        finally:
            if target:
                out.close()
        for error in summary.errors:
            self.stderr.write(f"{source}:{error.line}: {error.message}")
        self.stderr.write(summary.line())
        if summary.rows == 0 and summary.errors:
            raise CommandError("nothing converted")
