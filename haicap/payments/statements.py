"""Reading a bank's statement export (Excel or CSV) into credit lines.

Vietnamese banks name the same columns differently (Vietcombank «Số tham chiếu», «Số tiền ghi
có», «Nội dung chi tiết»; VietinBank «Mô tả giao dịch», «Có»; BIDV «Ngày hiệu lực», «Ghi có»;
Techcombank «Diễn giải»; MB «Mã GD»; Agribank «Ngày GD», «Số tiền») and put title rows above
the header: the header is the first row, within the first 30, naming a date, an amount and a
description. Debit lines (money going out) and rows without a date (totals, balances) are left
out. A credit line that cannot be read refuses the whole file, with every such line listed."""

from __future__ import annotations

import csv
import datetime as dt
import io
import re
from dataclasses import dataclass
from typing import Any

from haicap.core.errors import ApplicationError
from haicap.core.text import fold
from haicap.workdays.calendar import VN

# folded header → column role; the first matching alias wins, longer aliases are tried first
ALIASES: dict[str, tuple[str, ...]] = {
    "date": (
        "ngay giao dich", "ngay gd", "ngay hieu luc", "ngay hach toan", "thoi gian giao dich",
        "ngay ghi so", "transaction date", "posting date", "value date", "ngay", "date",
    ),
    "credit": (
        "so tien ghi co", "ghi co", "phat sinh co", "so tien co", "credit amount", "credit",
        "co",
    ),
    "debit": ("so tien ghi no", "ghi no", "phat sinh no", "so tien no", "debit amount", "debit", "no"),
    "amount": ("so tien giao dich", "so tien", "amount"),
    "memo": (
        "noi dung chi tiet", "noi dung giao dich", "mo ta giao dich", "noi dung", "mo ta",
        "dien giai", "chi tiet", "description", "remark", "narrative",
    ),
    "transaction_id": (
        "ma giao dich", "ma gd", "so tham chieu", "ma tham chieu", "so but toan", "so giao dich",
        "so ct", "so chung tu", "transaction id", "reference no", "reference", "ref no",
    ),
}
REQUIRED = ("date", "memo", "transaction_id")
HEADER_ROWS = 30
MAX_LINES = 200_000

NO_HEADER = (
    "Không tìm thấy dòng tiêu đề của sao kê (cần các cột ngày giao dịch, số tiền ghi có, nội "
    "dung và mã giao dịch) trong 30 dòng đầu."
)
NOT_A_STATEMENT = "Tệp không đọc được như bảng tính Excel (.xlsx) hay CSV."
TOO_MANY = "Sao kê quá {n} dòng: hãy chia thành nhiều tệp."
BAD_LINES = "Sao kê có {n} dòng không đọc được; không dòng nào được nhập."
BAD_DATE = "dòng {line}: ngày giao dịch «{value}» không đọc được"
BAD_AMOUNT = "dòng {line}: số tiền «{value}» không đọc được"
NO_ID = "dòng {line}: thiếu mã giao dịch"
LONG_ID = "dòng {line}: mã giao dịch dài quá 64 ký tự"


@dataclass(frozen=True)
class Line:
    number: int  # the line in the file, from 1, as the bank's spreadsheet shows it
    booked_at: dt.datetime
    amount: int
    memo: str
    transaction_id: str


def _header_key(cell: Any) -> str:
    return " ".join(re.sub(r"[^a-z0-9 ]", " ", fold(str(cell or ""))).split())


def _columns(row: list[Any]) -> dict[str, int] | None:
    keys = [_header_key(c) for c in row]
    found: dict[str, int] = {}
    for role, aliases in ALIASES.items():
        for alias in aliases:
            hits = [i for i, k in enumerate(keys) if k == alias or k.startswith(alias + " ")]
            hits = [i for i in hits if i not in found.values()]
            if hits:
                found[role] = hits[0]
                break
    has_amount = "credit" in found or "amount" in found
    return found if has_amount and all(r in found for r in REQUIRED) else None


def parse_amount(value: Any) -> int | None:
    """Đồng as an integer from 1.500.000 | 1,500,000 | 1500000 | 1.500.000,00 | 1500000.0;
    0 for an empty cell; None when it is not an amount."""
    if value is None or value == "":
        return 0
    if isinstance(value, bool):
        return None
    if isinstance(value, int | float):
        return round(value) if value == value else None
    text = re.sub(r"(?i)\s|vn[dđ]|đ", "", str(value)).lstrip("+")
    if text in ("", "-"):
        return 0
    if not re.fullmatch(r"\d[\d.,]*", text):
        return None
    decimals = re.search(r"[.,](\d{1,2})$", text)
    whole = text[: decimals.start()] if decimals else text
    groups = re.split(r"[.,]", whole)
    if len(groups) > 1 and (len(set(re.findall(r"[.,]", whole))) > 1 or not (
        1 <= len(groups[0]) <= 3 and all(len(g) == 3 for g in groups[1:])
    )):
        return None
    return int("".join(groups)) + (1 if decimals and int(decimals.group(1).ljust(2, "0")) >= 50 else 0)


_DATE_FORMATS = (
    "%d/%m/%Y %H:%M:%S", "%d/%m/%Y %H:%M", "%d/%m/%Y", "%d-%m-%Y %H:%M:%S", "%d-%m-%Y",
    "%Y-%m-%d %H:%M:%S", "%Y-%m-%dT%H:%M:%S", "%Y-%m-%d", "%d/%m/%y",
)


def parse_date(value: Any) -> dt.datetime | None:
    """A booking time in Vietnam's time zone (a date alone is its noon)."""
    if isinstance(value, dt.datetime):
        return value if value.tzinfo else value.replace(tzinfo=VN)
    if isinstance(value, dt.date):
        return dt.datetime.combine(value, dt.time(12, 0), tzinfo=VN)
    text = " ".join(str(value or "").split())
    for fmt in _DATE_FORMATS:
        try:
            moment = dt.datetime.strptime(text, fmt)
        except ValueError:
            continue
        if "%H" not in fmt:
            moment = moment.replace(hour=12)
        return moment.replace(tzinfo=VN)
    return None


def _rows(content: bytes, filename: str) -> list[list[Any]]:
    if content[:2] == b"PK" or filename.lower().endswith((".xlsx", ".xlsm")):
        from openpyxl import load_workbook

        try:
            book = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
        except Exception as exc:  # openpyxl raises many kinds for a file that is not a workbook
            raise ApplicationError(NOT_A_STATEMENT, extra={"field": "file"}, status=422) from exc
        return [list(r) for r in book.worksheets[0].iter_rows(values_only=True)]
    try:
        text = content.decode("utf-8-sig")
    except UnicodeDecodeError:
        text = content.decode("cp1258", errors="replace")
    if "\x00" in text:
        raise ApplicationError(NOT_A_STATEMENT, extra={"field": "file"}, status=422)
    sample = text[:4096]
    delimiter = max([",", ";", "\t"], key=sample.count)
    return [list(r) for r in csv.reader(io.StringIO(text), delimiter=delimiter)]


def _line(row: list[Any], number: int, cols: dict[str, int], errors: list[str]) -> Line | None:
    def cell(role: str) -> Any:
        i = cols.get(role)
        return row[i] if i is not None and i < len(row) else None

    raw_date = cell("date")
    if raw_date in (None, "") and cell("transaction_id") in (None, ""):
        return None  # a blank, a total or a balance line
    credit = parse_amount(cell("credit") if "credit" in cols else cell("amount"))
    debit = parse_amount(cell("debit")) if "debit" in cols else 0
    if credit is None:
        errors.append(BAD_AMOUNT.format(line=number, value=cell("credit") or cell("amount")))
        return None
    if credit <= 0 or (debit or 0) > 0:
        return None  # money going out of the account
    booked = parse_date(raw_date)
    txn = str(cell("transaction_id") or "").strip()
    if booked is None:
        errors.append(BAD_DATE.format(line=number, value=raw_date))
    if not txn:
        errors.append(NO_ID.format(line=number))
    elif len(txn) > 64:
        errors.append(LONG_ID.format(line=number))
    if booked is None or not txn or len(txn) > 64:
        return None
    memo = " ".join(str(cell("memo") or "").split())[:500]
    return Line(number, booked, credit, memo, txn)


def statement_lines(content: bytes, filename: str = "") -> list[Line]:
    """The credit lines of a statement; 422 naming `file` (with `errors` by line) otherwise."""
    rows = _rows(content, filename)
    header = next(
        ((i, c) for i, r in enumerate(rows[:HEADER_ROWS]) if (c := _columns(r)) is not None), None
    )
    if header is None:
        raise ApplicationError(NO_HEADER, extra={"field": "file"}, status=422)
    start, cols = header
    if len(rows) - start > MAX_LINES:
        raise ApplicationError(TOO_MANY.format(n=MAX_LINES), extra={"field": "file"}, status=422)
    errors: list[str] = []
    lines = [
        line
        for number, row in enumerate(rows[start + 1 :], start=start + 2)
        if (line := _line(row, number, cols, errors)) is not None
    ]
    if errors:
        raise ApplicationError(
            BAD_LINES.format(n=len(errors)),
            extra={"field": "file", "errors": errors[:100]},
            status=422,
        )
    return lines
