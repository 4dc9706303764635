"""The ranking sheets write formula-like text as text (a commune's name is shown as it is)."""

import io

from openpyxl import load_workbook

from haicap.metrics.exports import _csv, _xlsx

EVIL = "=1+2"


def test_csv_and_xlsx_write_no_formula() -> None:
    rows = [[1, "26740", EVIL, -3.5, "chưa đo được"]]
    text = _csv("@title", rows).content.decode("utf-8-sig")
    assert text.splitlines()[0] == "'@title"
    assert text.splitlines()[2] == "1,26740,'=1+2,-3.5,chưa đo được"
    sheet = load_workbook(io.BytesIO(_xlsx("@title", rows).content)).active
    assert sheet is not None
    cells = [c for row in sheet.iter_rows() for c in row]
    assert all(c.data_type != "f" for c in cells)
    assert sheet.cell(3, 3).value == EVIL and sheet.cell(3, 4).value == -3.5
