"""Reading bank statements as Vietnamese banks export them."""

import datetime as dt

import pytest

from haicap.core.errors import ApplicationError
from haicap.payments.statements import parse_amount, parse_date, statement_lines
from haicap.payments.tests.conftest import csv_statement, xlsx_statement
from haicap.workdays.calendar import VN


@pytest.mark.parametrize(
    ("text", "amount"),
    [
        ("1.500.000", 1_500_000), ("1,500,000", 1_500_000), ("1500000", 1_500_000),
        ("1.500.000,00", 1_500_000), ("1,500,000.00", 1_500_000), ("+50.000", 50_000),
        ("50.000 VND", 50_000), ("20.000đ", 20_000), (50000.0, 50_000), ("", 0),
        ("1.50.000", None), ("abc", None), ("12-000", None),
    ],
)
def test_amounts(text, amount):
    assert parse_amount(text) == amount


def test_dates():
    assert parse_date("02/07/2025 14:05:09") == dt.datetime(2025, 7, 2, 14, 5, 9, tzinfo=VN)
    assert parse_date("2025-07-02") == dt.datetime(2025, 7, 2, 12, 0, tzinfo=VN)
    assert parse_date(dt.datetime(2025, 7, 2, 8, 0)) == dt.datetime(2025, 7, 2, 8, 0, tzinfo=VN)
    assert parse_date("32/07/2025") is None


def test_vietcombank_xlsx_with_title_rows_debits_and_totals():
    content = xlsx_statement(
        ["STT", "Ngày giao dịch", "Số tham chiếu", "Số tiền ghi nợ", "Số tiền ghi có", "Số dư",
         "Nội dung chi tiết"],
        [
            [1, "01/07/2025 08:00:00", "FT001", "15.000", "", "9.985.000", "Phi quan ly"],
            [2, "01/07/2025 09:10:00", "FT002", "", "50.000", "10.035.000", "PHI HPABCDEFGH"],
            [3, dt.datetime(2025, 7, 1, 9, 30), "FT003", None, 100000, 10135000, "NOP PHI"],
            ["", "Tổng cộng", "", "15.000", "150.000", "", ""],
        ],
    )
    lines = statement_lines(content, "sao-ke.xlsx")
    assert [(x.transaction_id, x.amount, x.memo) for x in lines] == [
        ("FT002", 50_000, "PHI HPABCDEFGH"),
        ("FT003", 100_000, "NOP PHI"),
    ]
    assert lines[0].number == 6 and lines[0].booked_at.hour == 9


def test_vietinbank_csv_with_semicolons():
    content = csv_statement(
        [("02/07/2025", "VTB1", "1.250.000", "CT DEN: PHI HP123"), ("02/07/2025", "VTB2", "5.000", "x")],
        delimiter=";",
    )
    lines = statement_lines(content, "vietinbank.csv")
    assert [(x.transaction_id, x.amount) for x in lines] == [("VTB1", 1_250_000), ("VTB2", 5_000)]


def test_bidv_and_techcombank_headers():
    bidv = "Ngày hiệu lực,Ghi có,Ghi nợ,Mô tả,Số tham chiếu\n03/07/2025,20000,,PHI,B1\n".encode()
    assert statement_lines(bidv, "bidv.csv")[0].transaction_id == "B1"
    tcb = "Ngày giao dịch,Diễn giải,Nợ/Debit,Có/Credit,Mã giao dịch\n03/07/2025,PHI,,20000,T1\n"
    assert statement_lines(tcb.encode(), "tcb.csv")[0].amount == 20_000


def test_a_file_without_the_columns_names_the_file():
    with pytest.raises(ApplicationError) as error:
        statement_lines("Họ tên,Địa chỉ\nA,B\n".encode(), "x.csv")
    assert error.value.status == 422 and error.value.extra["field"] == "file"


def test_unreadable_lines_refuse_the_file_with_each_line_named():
    content = csv_statement(
        [("02/07/2025", "A1", "50.000", "ok"), ("31/02/2025", "A2", "50.000", "bad date"),
         ("02/07/2025", "", "50.000", "no id"), ("02/07/2025", "A4", "năm mươi", "bad amount")]
    )
    with pytest.raises(ApplicationError) as error:
        statement_lines(content, "x.csv")
    errors = error.value.extra["errors"]
    assert error.value.extra["field"] == "file" and len(errors) == 3
    assert errors[0].startswith("dòng 3:") and "31/02/2025" in errors[0]
    assert errors[1].startswith("dòng 4:") and errors[2].startswith("dòng 5:")


def test_a_file_that_is_not_a_spreadsheet():
    with pytest.raises(ApplicationError) as error:
        statement_lines(b"PK\x03\x04 not really a zip", "x.xlsx")
    assert error.value.extra["field"] == "file"
