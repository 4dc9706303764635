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


def test_the_ranking_sheets_hold_numbers_not_formatted_text() -> None:
    """Shares are ratios: 0.65 in both sheets, shown as 65.0% by the workbook's number format;
    an unmeasured score is an empty CSV cell and words in the workbook (ADR 17)."""
    import csv

    from haicap.core.exports import COUNT, DECIMAL2, PERCENT
    from haicap.metrics.exports import EXPORT_HEADER, _export_rows
    from haicap.metrics.models import Group

    groups = [{"score": 12.5 if i else None} for i, _ in enumerate(Group.choices)]
    row = {"rank": 3, "code": "26743", "full_name": "Phường Bến Thành", "score": 84.44,
           "groups": groups, "received": 10240, "online": 0.65, "on_time": 0.9, "satisfied": None,
           "late": 1200, "overdue": 3, "fb_overdue": 0, "enough": True,
           "volume": 10240}  # fmt: skip
    rows = _export_rows([row])
    sheet = load_workbook(io.BytesIO(_xlsx("t", rows).content)).active
    assert sheet is not None
    cells = {header: cell for header, cell in zip(EXPORT_HEADER, sheet[3], strict=True)}
    assert (cells["Trực tuyến"].value, cells["Trực tuyến"].number_format) == (0.65, PERCENT)
    assert cells["Đúng hạn"].data_type == "n" and cells["Đúng hạn"].number_format == PERCENT
    assert (cells["Hồ sơ tiếp nhận"].value, cells["Hồ sơ tiếp nhận"].number_format) == (10240, COUNT)
    score = cells["Điểm (trên 100, các chỉ số đo được)"]
    assert (score.value, score.number_format) == (84.44, DECIMAL2)
    assert cells[str(Group.choices[0][1])].value == "chưa đo được"
    assert cells["Hài lòng"].value is None
    line = list(csv.reader(io.StringIO(_csv("t", rows).content.decode("utf-8-sig"))))[2]
    assert line[:4] == ["3", "26743", "Phường Bến Thành", "84.44"]
    assert line[len(Group.choices) + 4 :] == ["10240", "0.65", "0.9", "", "1200", "3", "0", ""]
    assert line[4] == ""  # not measured: nothing, not "chưa đo được" nor 0
