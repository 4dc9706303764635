"""Fixtures: Bến Thành's finance officer, dossiers awaiting their fee, statements as banks
export them."""

from __future__ import annotations

import io
from typing import Any

import pytest

from haicap.core.roles import Role
from haicap.dossiers.models import Dossier
from haicap.dossiers.services import dossier_intake, dossier_transition
from haicap.dossiers.tests.conftest import (  # noqa: F401 (fixtures)
    applicant,
    birth_registration,
    intake,
    processing_officer,
    sai_gon,
)


@pytest.fixture
def finance_officer(make_user, ben_thanh):  # type: ignore[no-untyped-def]
    return make_user("ketoan", Role.FINANCE_OFFICER, ben_thanh)


@pytest.fixture
def awaiting(intake, counter_officer, processing_officer):  # type: ignore[no-untyped-def]  # noqa: F811
    """make(fee): a Bến Thành dossier in processing that awaits its fee."""

    def make(fee: int = 50_000) -> Dossier:
        d = dossier_intake(intake, actor=counter_officer)
        d = dossier_transition(d, action="transfer", actor=counter_officer)
        return dossier_transition(d, action="request_payment", actor=processing_officer, amount=fee)

    return make


def csv_statement(rows: list[tuple[str, str, Any, str]], delimiter: str = ",") -> bytes:
    """A VietinBank-like CSV: (date, transaction id, credit, memo)."""
    head = ["Ngày giao dịch", "Số bút toán", "Nợ", "Có", "Mô tả giao dịch"]
    lines = [delimiter.join(head)]
    for date, txn, amount, memo in rows:
        lines.append(delimiter.join([date, txn, "", f'"{amount}"', f'"{memo}"']))
    return ("\n".join(lines) + "\n").encode("utf-8-sig")


def xlsx_statement(header: list[str], rows: list[list[Any]], title_rows: int = 3) -> bytes:
    from openpyxl import Workbook

    book = Workbook()
    sheet = book.active
    for i in range(title_rows):
        sheet.append([f"SAO KÊ TÀI KHOẢN (dòng tiêu đề {i + 1})"])
    sheet.append(header)
    for row in rows:
        sheet.append(row)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()
