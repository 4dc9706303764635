"""The payments API: the bank adapter's notifications (an API token, idempotent by the bank's
transaction id) and the transactions in the user's scope."""

import datetime as dt
from typing import Any

from django.http import HttpRequest
from django.utils.translation import gettext_lazy
from ninja import Field, Query, Router, Schema
from ninja.pagination import paginate
from ninja.security import django_auth

from haicap.core.errors import ApplicationError, Conflict, PermissionDenied
from haicap.core.pagination import Paginated
from haicap.core.permissions import PERMISSION_DENIED, scope_for
from haicap.core.tokens import TokenAuth
from haicap.payments.models import BankTransaction, Source
from haicap.payments.rights import PaymentPerm
from haicap.payments.selectors import transaction_list
from haicap.payments.services import credits_record
from haicap.payments.statements import Line
from haicap.units.models import Unit
from haicap.workdays.calendar import VN

router = Router(tags=["payments"])
AUTH = [TokenAuth(), django_auth]

ACCOUNT_UNIT = gettext_lazy("Hãy ghi account_unit: mã đơn vị có tài khoản nhận (bạn nhận thông báo cho nhiều đơn vị).")
UNKNOWN_UNIT = gettext_lazy("Không có đơn vị «{code}» trong phạm vi nhận thông báo của bạn.")
SAME_ID_OTHER = (
    gettext_lazy("Mã giao dịch {txn} đã được ghi nhận với số tiền hoặc nội dung khác: một mã giao dịch chỉ "
    "thuộc một giao dịch.")
)


class NotificationIn(Schema):
    transaction_id: str = Field(..., min_length=1, max_length=64)
    amount: int = Field(..., ge=1, le=10**12, description="Số tiền ghi có (đồng)")
    memo: str = Field("", max_length=500, description="Nội dung chuyển khoản")
    booked_at: dt.datetime = Field(..., description="Thời điểm ngân hàng ghi có")
    account_unit: str = Field("", max_length=5, description="Mã đơn vị có tài khoản nhận")


class TransactionOut(Schema):
    transaction_id: str
    booked_at: dt.datetime
    amount: int
    memo: str
    reference: str
    state: str
    reason: str
    dossier: str | None
    receipt_number: str
    duplicate: bool = False

    @staticmethod
    def resolve_amount(obj: BankTransaction) -> int:
        return obj.amount_vnd

    @staticmethod
    def resolve_dossier(obj: BankTransaction) -> str | None:
        return obj.dossier.code if obj.dossier_id else None  # type: ignore[union-attr]

    @staticmethod
    def resolve_duplicate(obj: BankTransaction) -> bool:
        return bool(getattr(obj, "duplicate", False))


def _account_unit(request: HttpRequest, code: str) -> Unit:
    scope = scope_for(request.user, PaymentPerm.IMPORT)
    if scope.empty:
        raise PermissionDenied(PERMISSION_DENIED)
    current = Unit.objects.current()
    if not code:
        codes = sorted(scope.unit_codes | scope.province_codes)
        if len(codes) != 1 or scope.everything:
            raise ApplicationError(ACCOUNT_UNIT, extra={"field": "account_unit"}, status=422)
        code = codes[0]
    unit = current.filter(code=code.strip()).first()
    if unit is None or not scope.covers(province_code=unit.province_code, unit_code=unit.code):
        raise ApplicationError(
            UNKNOWN_UNIT.format(code=code), extra={"field": "account_unit"}, status=422
        )
    return unit


@router.post(
    "/bank-notifications",
    response=TransactionOut,
    auth=[TokenAuth()],
    summary="Ngân hàng báo một khoản ghi có vào tài khoản thu phí (lặp lại: trả kết quả cũ)",
)
def bank_notification(request: HttpRequest, body: NotificationIn) -> BankTransaction:
    unit = _account_unit(request, body.account_unit)
    booked = body.booked_at if body.booked_at.tzinfo else body.booked_at.replace(tzinfo=VN)
    memo = " ".join(body.memo.split())
    known = (
        BankTransaction.objects.select_related("dossier")
        .filter(province_code=unit.province_code, transaction_id=body.transaction_id)
        .first()
    )
    if known is None:
        line = Line(1, booked, body.amount, memo, body.transaction_id)
        credits_record([line], unit=unit, source=Source.NOTIFICATION, actor=request.user)
        known = BankTransaction.objects.select_related("dossier").get(
            province_code=unit.province_code, transaction_id=body.transaction_id
        )
        return known
    if known.amount_vnd != body.amount or known.memo != memo[:500]:
        raise Conflict(
            SAME_ID_OTHER.format(txn=body.transaction_id), extra={"field": "transaction_id"}
        )
    known.duplicate = True  # type: ignore[attr-defined]
    return known


class ListQuery(Schema):
    state: str = Field("", max_length=10, description="unmatched | matched | resolved | dismissed")
    q: str = Field("", max_length=200)


@router.get(
    "/transactions",
    response=list[TransactionOut],
    auth=AUTH,
    summary="Giao dịch thu phí trong phạm vi đơn vị của người dùng",
)
@paginate(Paginated)
def transactions(request: HttpRequest, filters: Query[ListQuery]) -> Any:
    if scope_for(request.user, PaymentPerm.VIEW).empty:
        raise PermissionDenied(PERMISSION_DENIED)
    return transaction_list(request.user, state=filters.state, query=filters.q)
