"""`haicap payments demo`: a finance officer at Bến Thành, and a bank statement made at run time
from the ward's dossiers awaiting their fee (most paid exactly, one short, one over, one paid
twice, one without a reference), imported and matched as the officer would do it."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

from django.conf import settings
from django.contrib.auth import get_user_model
from django.utils import timezone

from haicap.core.models import Membership
from haicap.core.roles import Role
from haicap.core.services import membership_grant
from haicap.dossiers.models import Dossier, Payment, Status
from haicap.dossiers.services import dossier_transition
from haicap.dossiers.vietqr import fee_memo
from haicap.payments.matching import PAYABLE
from haicap.payments.models import StatementImport
from haicap.payments.services import statement_import
from haicap.units.models import Unit
from haicap.workdays.calendar import VN

BEN_THANH = "26743"
FINANCE_USER = ("ketoan.benthanh", "Bùi Thị", "Mai")
DEMO_FILE = "sao-ke-vietcombank-demo.xlsx"
FEES = (50_000, 100_000, 20_000)
WANTED = 10  # dossiers awaiting a fee for the statement
# how people fill in a transfer's memo, as the bank passes it on: {memo} is "PHI HP…"
MEMO_STYLES = (
    "{name} chuyen tien {memo}",
    "MBVCB.{n}.{memo}.CT tu 0071000{n} {name}",
    "{memo_spaced} nop le phi ho so",
    "IBFT {memo_lower} {name}",
    "{memo}",
)


def finance_officer(unit: Unit, password: str) -> Any:
    username, family, given = FINANCE_USER
    user, _ = get_user_model().objects.get_or_create(username=username)
    user.first_name, user.last_name = family, given
    user.set_password(password)
    user.save()
    if not Membership.objects.filter(
        user=user, role=Role.FINANCE_OFFICER, unit=unit, revoked_at__isnull=True
    ).exists():
        membership_grant(user=user, role=Role.FINANCE_OFFICER, unit=unit, actor=None)
    return user


def _awaiting_fee(unit: Unit) -> list[Dossier]:
    """The ward's dossiers awaiting a fee; the processor asks for one on open dossiers if too
    few are (the demo dossiers' procedures mostly charge none)."""
    query = Dossier.objects.filter(
        competent_unit=unit, payment=Payment.UNPAID, fee_vnd__gt=0, status__in=PAYABLE
    ).order_by("pk")
    waiting = list(query[:WANTED])
    processor = get_user_model().objects.filter(username="xuly.benthanh").first()
    if len(waiting) >= WANTED or processor is None:
        return waiting
    open_ones = Dossier.objects.filter(
        competent_unit=unit, status=Status.PROCESSING, payment=Payment.NOT_REQUIRED
    ).order_by("pk")[: WANTED - len(waiting)]
    for i, dossier in enumerate(open_ones):
        dossier_transition(
            dossier, action="request_payment", actor=processor, amount=FEES[i % len(FEES)]
        )
    return list(query[:WANTED])


def _lines(dossiers: list[Dossier], day: dt.date) -> list[tuple[str, str, int, str]]:
    """(transaction id, date, amount, memo) rows: exact payments, then the odd ones."""
    rows = []
    for i, d in enumerate(dossiers):
        memo = fee_memo(d.pk)
        amount = d.fee_vnd
        if i == len(dossiers) - 2:
            amount -= 10_000  # paid short
        elif i == len(dossiers) - 1:
            amount += 10_000  # paid too much
        style = MEMO_STYLES[i % len(MEMO_STYLES)]
        text = style.format(
            name=d.applicant_name.upper(), n=1000 + d.pk, memo=memo,
            memo_spaced=memo[:6] + " " + memo[6:], memo_lower=memo.lower(),
        )
        rows.append((f"FT{day:%y%m%d}{d.pk:07d}", f"{day:%d/%m/%Y} 09:{i % 60:02d}:00", amount, text))
    if dossiers:
        first = dossiers[0]
        rows.append((f"FT{day:%y%m%d}9{first.pk:06d}", f"{day:%d/%m/%Y} 10:05:00",
                     first.fee_vnd, f"{first.applicant_name.upper()} {fee_memo(first.pk)} lan 2"))
    rows.append((f"FT{day:%y%m%d}8000001", f"{day:%d/%m/%Y} 10:30:00", 50_000,
                 "NGUYEN VAN TAM chuyen tien le phi chung thuc"))
    return rows


def statement_xlsx(dossiers: list[Dossier], day: dt.date) -> bytes:
    """A statement laid out as Vietcombank exports one: title rows, then the header."""
    from openpyxl import Workbook

    from haicap.core.exports import append_row

    book = Workbook()
    sheet = book.active
    append_row(sheet, ["SAO KÊ TÀI KHOẢN / ACCOUNT STATEMENT"])
    append_row(sheet, [f"Số tài khoản: {settings.HAICAP_FEE_ACCOUNT}", "", "Loại tiền: VND"])
    append_row(sheet, [f"Từ ngày {day:%d/%m/%Y} đến ngày {day:%d/%m/%Y}"])
    append_row(sheet, [])
    append_row(sheet, ["STT", "Ngày giao dịch", "Số tham chiếu", "Số tiền ghi nợ",
                       "Số tiền ghi có", "Số dư", "Nội dung chi tiết"])
    balance = 10_000_000
    append_row(sheet, [1, f"{day:%d/%m/%Y} 08:00:00", f"FT{day:%y%m%d}7000001", "15.000", "",
                       f"{balance - 15_000:,}".replace(",", "."), "Phi quan ly tai khoan"])
    balance -= 15_000
    for n, (txn, when, amount, memo) in enumerate(_lines(dossiers, day), start=2):
        balance += amount
        append_row(sheet, [n, when, txn, "", f"{amount:,}".replace(",", "."),
                           f"{balance:,}".replace(",", "."), memo])
    append_row(sheet, ["", "Tổng cộng", "", "15.000", "", "", ""])
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def payments_demo(password: str) -> tuple[Any, StatementImport | None, str]:
    """The finance officer, and the demo statement imported once (a second run imports nothing
    new and says so). Returns the officer, the import, and where the file was written."""
    unit = Unit.objects.current().get(level="commune", code=BEN_THANH)
    officer = finance_officer(unit, password)
    path = settings.VAR_DIR / "demo" / DEMO_FILE
    if StatementImport.objects.filter(filename=DEMO_FILE, unit_code=BEN_THANH).exists():
        return officer, None, str(path)
    content = statement_xlsx(_awaiting_fee(unit), timezone.now().astimezone(VN).date())
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_bytes(content)
    batch = statement_import(content=content, filename=DEMO_FILE, unit=unit, actor=officer)
    return officer, batch, str(path)
