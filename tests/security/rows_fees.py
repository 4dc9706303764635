"""Permission-matrix rows of electronic fee payment (haicap.payments): the finance officer's pages
under /thu-phi/ and the payments API. No actor of the matrix is a finance officer: the import and
the resolution are refused to all (403), the ward's leader and the province's administrator see
their unit's transactions and receipts, other units' officers get 404 for them."""

from __future__ import annotations

import datetime as dt
from typing import Any

from tests.security.permission_table import Row, _r

CSV_STATEMENT = "Ngày giao dịch,Số tham chiếu,Số tiền ghi có,Nội dung\n01/07/2025,FT1,50000,PHI\n".encode()


def world_extend(world: Any, dossier: Any) -> dict[str, str]:
    """An unmatched credit at Bến Thành, and one matched to the world's dossier with a receipt."""
    from django.utils import timezone

    from haicap.payments.models import BankTransaction, Reason, Source, State

    now = timezone.now()
    common = {
        "province_code": "79", "unit_code": "26743", "booked_at": now - dt.timedelta(hours=1),
        "source": Source.STATEMENT, "received_at": now, "amount_vnd": 50_000,
    }
    queued = BankTransaction.objects.create(
        transaction_id="FT-M-1", memo="NGUYEN THI MAI chuyen tien", state=State.UNMATCHED,
        reason=Reason.NO_REFERENCE, **common,
    )
    paid = BankTransaction.objects.create(
        transaction_id="FT-M-2", memo="PHI", state=State.MATCHED, dossier=dossier,
        receipt_number="BL25-0000002", **common,
    )
    return {"txn": str(queued.pk), "paid_txn": str(paid.pk)}


VIEWERS = "login 403 ok ok ok ok ok"  # the ward leaders and the administrators hold VIEW
NOBODY = "login 403 403 403 403 403 403"  # no actor is a finance officer
OWN = "login 403 404 404 404 ok ok"

PAGES: dict[str, Row] = {
    "thu-phi/": _r("GET", "/thu-phi/", VIEWERS),
    "thu-phi/nhap-sao-ke/": _r(
        "POST", "/thu-phi/nhap-sao-ke/", NOBODY, data={"unit": "26743", "file": CSV_STATEMENT}
    ),
    "thu-phi/giao-dich/<int:pk>/": _r("GET", "/thu-phi/giao-dich/{txn}/", OWN),
    "thu-phi/giao-dich/<int:pk>/xu-ly/": _r(
        "POST", "/thu-phi/giao-dich/{txn}/xu-ly/", NOBODY, data={"action": "dismiss", "note": "x"}
    ),
    "thu-phi/giao-dich/<int:pk>/bien-lai.pdf": _r(
        "GET", "/thu-phi/giao-dich/{paid_txn}/bien-lai.pdf", OWN
    ),
}

API: dict[str, Row] = {
    "POST /api/v1/payments/bank-notifications": _r(
        "POST",
        "/api/v1/payments/bank-notifications",
        "login login login login login login login",
        data={"transaction_id": "FT-N-1", "amount": 50000, "memo": "PHI",
              "booked_at": "2025-07-01T09:00:00+07:00"},
        json=True,
        why="the bank adapter's API token only: a signed-in browser session is not accepted",
    ),
    "GET /api/v1/payments/transactions": _r(
        "GET", "/api/v1/payments/transactions", VIEWERS
    ),
}
