"""The province's settings sheet (xlsx): one row per procedure, written and read here.

Written through `core.exports` (no cell is a live formula). Read by the headers of the first
row, so that a column moved or added by the administrator does no harm; each value is parsed
into what the configuration stores, and every problem is kept with its line and column, so
that the upload can list them all at once (`settings_bulk.settings_check`)."""

from __future__ import annotations

import io
import re
from collections.abc import Iterable, Iterator
from dataclasses import dataclass, field
from typing import Any

from haicap.core import formatting
from haicap.core.exports import MONEY, append_row
from haicap.core.text import search_key
from haicap.procedures.models import OnlineLevel, Procedure, TimeUnitChoice
from haicap.procedures.selectors import Settings

YES, NO = "có", "không"
ONLINE_LABELS: dict[str, str] = {
    OnlineLevel.FULL: "toàn trình",
    OnlineLevel.PARTIAL: "một phần",
    OnlineLevel.NONE: "không",
}
UNIT_LABELS: dict[str, str] = {
    TimeUnitChoice.WORKING_DAYS: "ngày làm việc",
    TimeUnitChoice.DAYS: "ngày",
    TimeUnitChoice.HOURS: "giờ làm việc",
    TimeUnitChoice.MONTHS: "tháng",
}
# (key, header); the header's words before "(" find the column when the sheet comes back
COLUMNS: list[tuple[str, str]] = [
    ("code", "Mã thủ tục"),
    ("name", "Tên thủ tục"),
    ("field", "Lĩnh vực"),
    ("levels", "Cấp thực hiện"),
    ("offered", "Cung cấp (có/không)"),
    ("boundary_free", "Phi địa giới (có/không)"),
    ("online_level", "Mức trực tuyến (toàn trình/một phần/không)"),
    ("time_value", "Thời hạn giải quyết (số)"),
    ("time_unit", "Đơn vị thời hạn (ngày làm việc/ngày/giờ làm việc/tháng)"),
    ("time_verified", "Tỉnh đã kiểm chứng thời hạn (có/không)"),
    ("fee_vnd", "Lệ phí, đồng (0: không thu; để trống: theo danh mục)"),
    ("catalogue_time", "Thời hạn theo danh mục quốc gia (để tham khảo)"),
    ("catalogue_fee", "Lệ phí theo danh mục quốc gia (để tham khảo)"),
    ("online_available", "Danh mục có kênh trực tuyến (để tham khảo)"),
]
READ = ("code", "offered", "boundary_free", "online_level", "time_value", "time_unit",
        "time_verified", "fee_vnd")  # fmt: skip
LABEL = {key: header.split(" (")[0].split(",")[0] for key, header in COLUMNS}
FORMATS = [MONEY if key in ("fee_vnd", "catalogue_fee") else None for key, _ in COLUMNS]  # 50.000
MAX_ROWS = 5000
MAX_TIME = 999
MAX_FEE = 2_000_000_000  # the column's limit; the catalogue has fees above 100 million
SHEET_TITLE = "Cau hinh tinh {province}"
_TITLE = re.compile(r"Cau hinh tinh (\d{2})$")


@dataclass(frozen=True)
class SheetError:
    line: int
    column: str  # the column's letter, "" for the whole row or file
    field: str  # the column's Vietnamese name
    message: str

    def __str__(self) -> str:
        where = f"Dòng {self.line}" + (f", cột {self.column} ({self.field})" if self.column else "")
        return f"{where}: {self.message}"


@dataclass
class SheetRow:
    """One row as read: the values parsed, or the errors found in it."""

    line: int
    code: str
    letters: dict[str, str]  # the sheet's column letter of each field read
    values: dict[str, Any] = field(default_factory=dict)
    errors: list[SheetError] = field(default_factory=list)

    def error(self, key: str, message: str) -> None:
        self.errors.append(SheetError(self.line, self.letters[key], LABEL[key], message))


# --- writing ---------------------------------------------------------------------------------


def _catalogue_time(procedure: Procedure) -> str:
    parsed = procedure.channel("in_person") or (procedure.channels[0] if procedure.channels else None)
    if not parsed or not parsed.get("time_value"):
        return "không ghi"
    unit = UNIT_LABELS.get(parsed.get("time_unit") or "", "không ghi đơn vị")
    return f"{parsed['time_value']:g} {unit}"


def _catalogue_fee(procedure: Procedure) -> Any:
    parsed = procedure.channel("in_person") or (procedure.channels[0] if procedure.channels else None)
    fee = parsed.get("fee_vnd") if parsed else None
    return "không ghi" if fee is None else fee


def sheet_row(procedure: Procedure, s: Settings) -> list[Any]:
    return [
        procedure.code,
        procedure.name,
        procedure.field,
        ", ".join(procedure.levels),
        YES if s.offered else NO,
        YES if s.boundary_free else NO,
        ONLINE_LABELS[s.online_level],
        s.time_value,
        UNIT_LABELS[s.time_unit],
        YES if s.time_verified else NO,
        s.fee_vnd,
        _catalogue_time(procedure),
        _catalogue_fee(procedure),
        YES if procedure.online_available else NO,
    ]


def sheet_write(province_code: str, rows: Iterable[tuple[Procedure, Settings]]) -> bytes:
    """The workbook: a header row, one row per procedure, lists to pick from in Excel."""
    from openpyxl import Workbook
    from openpyxl.styles import Font
    from openpyxl.worksheet.datavalidation import DataValidation

    book = Workbook()
    sheet = book.active
    sheet.title = SHEET_TITLE.format(province=province_code)
    append_row(sheet, [header for _, header in COLUMNS])
    for cell in sheet[1]:
        cell.font = Font(bold=True)
    count = 0
    for procedure, settings in rows:
        count += 1
        append_row(sheet, sheet_row(procedure, settings), FORMATS)
    last = max(2, count + 1)
    for letter, choices in (
        ("E", [YES, NO]), ("F", [YES, NO]), ("J", [YES, NO]),
        ("G", list(ONLINE_LABELS.values())), ("I", list(UNIT_LABELS.values())),
    ):  # fmt: skip
        check = DataValidation(type="list", formula1='"' + ",".join(choices) + '"')
        check.add(f"{letter}2:{letter}{last}")
        sheet.add_data_validation(check)
    for letter, width in zip("ABCDEFGHIJKLMN", (11, 60, 24, 16, 10, 10, 14, 10, 16, 12, 14, 22, 14, 12), strict=True):
        sheet.column_dimensions[letter].width = width
    sheet.freeze_panes = "C2"
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


# --- reading ---------------------------------------------------------------------------------


class SheetUnreadable(Exception):
    """The file is not an xlsx workbook."""


def _text(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, float) and value.is_integer():
        value = int(value)
    return str(value).strip()


def _yes_no(value: Any) -> bool:
    key = search_key(_text(value))
    if key in ("co", "x", "1", "true"):
        return True
    if key in ("khong", "0", "false"):
        return False
    raise ValueError(f"«{_text(value)}» không hợp lệ: ghi «{YES}» hoặc «{NO}».")


def _number(value: Any, largest: int, *, blank_ok: bool) -> int | None:
    text = re.sub(r"[\s.,]|đồng$|đ$", "", _text(value).lower())
    if not text:
        if blank_ok:
            return None
        raise ValueError("Cần ghi một số.")
    if not (text.isascii() and text.isdigit()) or not 0 <= int(text) <= largest:
        raise ValueError(f"«{_text(value)}» không phải số nguyên từ 0 đến {formatting.count(largest)}.")
    return int(text)


def _choice(value: Any, labels: dict[Any, str], blank_ok: bool = False) -> str:
    key = search_key(_text(value))
    if not key and blank_ok:
        return ""
    for code, label in labels.items():
        if key in (search_key(label), str(code)):
            return str(code)
    allowed = ", ".join(f"«{label}»" for label in labels.values())
    raise ValueError(f"«{_text(value)}» không hợp lệ; chọn một trong: {allowed}.")


PARSERS = {
    "offered": _yes_no,
    "boundary_free": _yes_no,
    "time_verified": _yes_no,
    "online_level": lambda v: _choice(v, ONLINE_LABELS),
    "time_value": lambda v: _number(v, MAX_TIME, blank_ok=True),
    "time_unit": lambda v: _choice(v, UNIT_LABELS, blank_ok=True),
    "fee_vnd": lambda v: _number(v, MAX_FEE, blank_ok=True),
}


def _columns(header: tuple[Any, ...]) -> dict[str, int]:
    wanted = {search_key(LABEL[key]): key for key in READ}
    found: dict[str, int] = {}
    for index, text in enumerate(header):
        key = wanted.get(search_key(_text(text).split(" (")[0].split(",")[0]))
        if key and key not in found:
            found[key] = index
    return found


def sheet_read(content: bytes, province_code: str) -> tuple[list[SheetRow], list[SheetError]]:
    """The rows of an uploaded sheet, and the problems of the file as a whole."""
    from openpyxl import load_workbook
    from openpyxl.utils import get_column_letter

    try:
        book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises several kinds for a file that is not xlsx
        raise SheetUnreadable(str(exc)) from None
    sheet = book.worksheets[0]
    problems: list[SheetError] = []
    other = _TITLE.match(sheet.title or "")
    if other and other.group(1) != province_code:
        theirs = other.group(1)
        problems.append(
            SheetError(1, "", "", f"Bảng này xuất từ tỉnh {theirs}, không phải tỉnh {province_code}.")
        )
    lines: Iterator[tuple[Any, ...]] = sheet.iter_rows(values_only=True)
    columns = _columns(next(lines, ()))
    for key in READ:
        if key not in columns:
            problems.append(SheetError(1, "", "", f"Thiếu cột «{LABEL[key]}» ở dòng tiêu đề."))
    if problems:
        return [], problems
    letters = {key: get_column_letter(i + 1) for key, i in columns.items()}
    rows: list[SheetRow] = []
    for line, values in enumerate(lines, start=2):
        cells = {key: values[i] if i < len(values) else None for key, i in columns.items()}
        if all(_text(v) == "" for v in cells.values()):
            continue
        if len(rows) >= MAX_ROWS:
            problems.append(SheetError(line, "", "", f"Bảng có quá {MAX_ROWS} dòng."))
            break
        row = SheetRow(line, _text(cells["code"]), letters)
        if not row.code:
            row.error("code", "Thiếu mã thủ tục.")
        for key, parse in PARSERS.items():
            try:
                row.values[key] = parse(cells[key])
            except ValueError as exc:
                row.error(key, str(exc))
        rows.append(row)
    book.close()
    return rows, problems
