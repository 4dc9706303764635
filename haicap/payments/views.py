"""The finance officer's pages under /thu-phi/: the transactions with the unmatched queue, the
statement import, one transaction with its resolution, its receipt. Thin: parse, check, call one
service or selector, render."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy, gettext_noop
from django.views.decorators.http import require_POST

from haicap.core.errors import ApplicationError, PermissionDenied
from haicap.core.fielderrors import INPUT_STATUSES, form_errors
from haicap.core.permissions import PERMISSION_DENIED, has_permission, scope_for
from haicap.payments.models import Reason, StatementImport
from haicap.payments.receipt import receipt_response
from haicap.payments.rights import PaymentPerm
from haicap.payments.selectors import (
    STATES,
    recent_imports,
    state_counts,
    transaction_for,
    transaction_list,
)
from haicap.payments.services import statement_import, transaction_dismiss, transaction_resolve
from haicap.units.models import Unit

MAX_UPLOAD = 10 * 1024 * 1024
TOO_LARGE = gettext_noop("Tệp sao kê lớn quá 10 MB.")
NO_FILE = gettext_noop("Hãy chọn tệp sao kê (Excel hoặc CSV).")
UNIT_REQUIRED = gettext_noop("Hãy chọn đơn vị có tài khoản thu phí.")
IMPORTED = gettext_noop(
    "Đã nhập {lines} dòng: {new} giao dịch mới, {matched} khớp tự động, {queued} chờ xử lý."
)


def _require(request: HttpRequest, perm: str) -> None:
    if scope_for(request.user, perm).empty:
        raise PermissionDenied(PERMISSION_DENIED)


def _import_units(request: HttpRequest) -> list[Unit]:
    scope = scope_for(request.user, PaymentPerm.IMPORT)
    current = Unit.objects.current()
    return [
        *current.filter(code__in=sorted(scope.unit_codes)).exclude(level="province"),
        *current.filter(code__in=sorted(scope.province_codes), level="province"),
    ]

# the resolve form's fields as it labels them (the error summary's links)
RESOLVE_LABELS = {
    "dossier": gettext_lazy("Mã hồ sơ hoặc mã thanh toán"),
    "note": gettext_lazy("Lý do"),
}


@login_required
def transactions(request: HttpRequest) -> HttpResponse:
    _require(request, PaymentPerm.VIEW)
    state = request.GET.get("state", "unmatched")
    query = request.GET.get("q", "").strip()[:200]
    page = Paginator(transaction_list(request.user, state=state, query=query), 50).get_page(
        request.GET.get("page")
    )
    return render(
        request,
        "payments/transactions.html",
        {
            "page": page,
            "state": state,
            "states": STATES,
            "counts": state_counts(request.user),
            "q": query,
            "imports": recent_imports(request.user),
            "can_import": has_permission(request.user, PaymentPerm.IMPORT),
            "reasons": dict(Reason.choices),
        },
    )


@login_required
def statement_import_page(request: HttpRequest) -> HttpResponse:
    _require(request, PaymentPerm.IMPORT)
    units = _import_units(request)
    context: dict = {"units": units, "errors": []}
    if request.method == "POST":
        try:
            batch = _import_posted(request, units)
        except ApplicationError as error:
            context["message"] = error.message
            context["errors"] = error.extra.get("errors", [])
            return render(request, "payments/import.html", context, status=error.status)
        messages.success(
            request,
            _(IMPORTED).format(
                lines=batch.lines, new=batch.new, matched=batch.matched, queued=batch.queued
            ),
        )
        return redirect("payments:transactions")
    return render(request, "payments/import.html", context)


def _import_posted(request: HttpRequest, units: list[Unit]) -> StatementImport:
    unit = next((u for u in units if u.code == request.POST.get("unit", "")), None)
    if unit is None:
        raise ApplicationError(_(UNIT_REQUIRED), extra={"field": "unit"}, status=422)
    upload = request.FILES.get("file")
    if upload is None:
        raise ApplicationError(_(NO_FILE), extra={"field": "file"}, status=422)
    if upload.size and upload.size > MAX_UPLOAD:
        raise ApplicationError(_(TOO_LARGE), extra={"field": "file"}, status=413)
    return statement_import(
        content=upload.read(), filename=upload.name or "", unit=unit, actor=request.user
    )


@login_required
def transaction_detail(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, PaymentPerm.VIEW)
    txn = transaction_for(request.user, pk)
    can_resolve = has_permission(
        request.user, PaymentPerm.RESOLVE, province_code=txn.province_code, unit_code=txn.unit_code
    )
    return render(
        request, "payments/detail.html", {"t": txn, "can_resolve": can_resolve}
    )


@login_required
@require_POST
def resolve(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, PaymentPerm.RESOLVE)
    txn = transaction_for(request.user, pk)
    note = request.POST.get("note", "")
    try:
        if request.POST.get("action") == "dismiss":
            transaction_dismiss(txn, note=note, actor=request.user)
        else:
            txn = transaction_resolve(
                txn, dossier_code=request.POST.get("dossier", ""), note=note, actor=request.user
            )
    except ApplicationError as exc:
        if exc.status not in INPUT_STATUSES:
            raise
        context = {"t": txn, "can_resolve": True, "typed": request.POST}
        context.update(form_errors(exc, RESOLVE_LABELS))
        return render(request, "payments/detail.html", context, status=exc.status)
    if request.POST.get("action") == "dismiss":
        messages.success(request, _("Đã ghi nhận: giao dịch không thuộc hồ sơ nào."))
    else:
        messages.success(
            request, _("Đã khớp với hồ sơ {code}, biên lai {receipt}.").format(
                code=txn.dossier.code if txn.dossier else "", receipt=txn.receipt_number
            )
        )
    return redirect("payments:detail", pk=txn.pk)


@login_required
def receipt(request: HttpRequest, pk: int) -> HttpResponse:
    _require(request, PaymentPerm.VIEW)
    return receipt_response(transaction_for(request.user, pk))
