"""The receipt of a fee paid by bank transfer (a PDF like the one-stop shop's forms)."""

from __future__ import annotations

from typing import Any

from django.conf import settings
from django.http import HttpResponse
from django.utils import timezone, translation

from haicap.core.dateline import place_name
from haicap.core.errors import ApplicationError
from haicap.core.formatting import count
from haicap.dossiers.paperwork import render_pdf
from haicap.payments.models import BankTransaction, State
from haicap.workdays.calendar import VN

NO_RECEIPT = "Giao dịch {txn} chưa khớp với hồ sơ nào: chưa có biên lai."
_DIGITS = ["không", "một", "hai", "ba", "bốn", "năm", "sáu", "bảy", "tám", "chín"]
_GROUPS = ["", "nghìn", "triệu", "tỷ", "nghìn tỷ", "triệu tỷ", "tỷ tỷ"]


def _hundreds(n: int, full: bool) -> list[str]:
    """Words for 0 < n < 1000 (full: a group after a larger one, "không trăm lẻ năm")."""
    h, rest = divmod(n, 100)
    t, u = divmod(rest, 10)
    out: list[str] = []
    if h or full:
        out += [_DIGITS[h], "trăm"]
    if t > 1:
        out += [_DIGITS[t], "mươi"]
    elif t == 1:
        out.append("mười")
    elif u and (h or full):
        out.append("lẻ")
    if u:
        if u == 1 and t > 1:
            out.append("mốt")
        elif u == 5 and t >= 1:
            out.append("lăm")
        elif u == 4 and t > 1:
            out.append("tư")
        else:
            out.append(_DIGITS[u])
    return out


def amount_in_words(amount: int) -> str:
    """1.250.000 → "Một triệu hai trăm năm mươi nghìn đồng"."""
    if amount == 0:
        return "Không đồng"
    groups = []
    while amount:
        amount, g = divmod(amount, 1000)
        groups.append(g)
    words: list[str] = []
    for i in range(len(groups) - 1, -1, -1):
        g = groups[i]
        if g:
            words += _hundreds(g, full=i < len(groups) - 1)
            words.append(_GROUPS[i])
    text = " ".join(w for w in words if w)
    return text[0].upper() + text[1:] + " đồng"


def receipt_context(txn: BankTransaction) -> dict[str, Any]:
    if txn.state not in (State.MATCHED, State.RESOLVED) or txn.dossier is None:
        raise ApplicationError(NO_RECEIPT.format(txn=txn.transaction_id), status=409)
    d = txn.dossier
    unit = d.competent_unit
    series, number = txn.receipt_number.split("-", 1)
    return {
        "t": txn,
        "d": d,
        "agency_parent": f"UBND {unit.full_name}",
        "agency": "Bộ phận Tài chính - Kế toán",
        "place": place_name(unit),  # the competent unit collects the fee
        "series": series,
        "number": number,
        "booked": txn.booked_at.astimezone(VN),
        "today": timezone.now().astimezone(VN),
        "amount_words": amount_in_words(txn.amount_vnd),
        "amount": count(txn.amount_vnd),  # 1.250.000: receipt_pdf renders it in Vietnamese
        "account": f"{settings.HAICAP_FEE_ACCOUNT} ({settings.HAICAP_FEE_ACCOUNT_NAME})",
    }


def receipt_pdf(txn: BankTransaction) -> bytes:
    with translation.override("vi"):  # an official paper, whatever the screen's language
        return render_pdf("payments/receipt.html", receipt_context(txn))


def receipt_response(txn: BankTransaction) -> HttpResponse:
    response = HttpResponse(receipt_pdf(txn), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="bien-lai-{txn.receipt_number}.pdf"'
    return response
