"""The province administrator's settings pages (`/procedures/cau-hinh/`): download the sheet,
upload it, see the preview (every error by line and column, or what changes), apply it."""

from __future__ import annotations

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from haicap.core.errors import ApplicationError, PermissionDenied
from haicap.core.permissions import PERMISSION_DENIED, scope_for
from haicap.procedures.models import SettingsUpload
from haicap.procedures.rights import ProcedurePerm
from haicap.procedures.settings_bulk import (
    MAX_UPLOAD_BYTES,
    TOO_BIG,
    Change,
    settings_export,
    settings_upload,
    upload_apply,
    upload_check,
    upload_for,
)
from haicap.procedures.settings_sheet import LABEL, NO, ONLINE_LABELS, UNIT_LABELS, YES
from haicap.units.models import Unit

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
LEVELS = {"": gettext_lazy("Mọi cấp"), "commune": gettext_lazy("Cấp xã"), "province": gettext_lazy("Cấp tỉnh")}
NO_FILE = gettext_lazy("Chọn tệp Excel (.xlsx) để tải lên.")


def _province(request: HttpRequest) -> str:
    """The province the administrator manages (a system administrator picks one)."""
    scope = scope_for(request.user, ProcedurePerm.MANAGE)
    if scope.everything:
        wanted = request.GET.get("province") or request.POST.get("province") or "79"
        if not Unit.objects.current().filter(level="province", code=wanted).exists():
            raise ApplicationError(
                gettext("Không có tỉnh mã «{wanted}».").format(wanted=wanted), extra={"field": "province"}, status=422
            )
        return wanted
    if not scope.province_codes:
        raise PermissionDenied(PERMISSION_DENIED)
    wanted = request.GET.get("province") or request.POST.get("province") or ""
    return wanted if wanted in scope.province_codes else sorted(scope.province_codes)[0]


@login_required
def settings_page(request: HttpRequest) -> HttpResponse:
    province = _province(request)
    uploads = SettingsUpload.objects.filter(province_code=province).defer("content")
    page = Paginator(uploads.select_related("uploaded_by", "applied_by"), 20).get_page(
        request.GET.get("page")
    )
    unit = Unit.objects.current().filter(level="province", code=province).first()
    return render(
        request,
        "procedures/settings.html",
        {"province": province, "unit": unit, "page": page, "levels": LEVELS},
    )


@login_required
def settings_download(request: HttpRequest) -> HttpResponse:
    province = _province(request)
    level = request.GET.get("level", "")
    if level not in LEVELS:
        raise ApplicationError(
            gettext("Cấp «{level}» không hợp lệ; chọn: commune, province.").format(level=level),
            extra={"field": "level"},
            status=422,
        )
    content = settings_export(province, actor=request.user, level=level)
    response = HttpResponse(content, content_type=XLSX)
    suffix = f"-{level}" if level else ""
    response["Content-Disposition"] = f'attachment; filename="cau-hinh-thu-tuc-{province}{suffix}.xlsx"'
    return response


@login_required
@require_POST
def settings_upload_view(request: HttpRequest) -> HttpResponse:
    province = _province(request)
    upload = request.FILES.get("file")
    if upload is None:
        raise ApplicationError(NO_FILE, extra={"field": "file"}, status=422)
    if upload.size is not None and upload.size > MAX_UPLOAD_BYTES:
        raise ApplicationError(TOO_BIG, extra={"field": "file"}, status=422)
    kept = settings_upload(
        province, upload.read(), filename=upload.name or "", actor=request.user
    )
    return redirect("procedures:settings_preview", pk=kept.pk)


@login_required
def settings_preview(request: HttpRequest, pk: int) -> HttpResponse:
    upload = upload_for(request.user, pk)
    check = upload_check(upload) if upload.applied_at is None else None
    changes = Paginator(check.changes if check else [], 50).get_page(request.GET.get("page"))
    return render(
        request,
        "procedures/settings_preview.html",
        {
            "upload": upload,
            "check": check,
            "changes": changes,
            "rows": [_change_row(c) for c in changes],
            "errors": check.errors[:500] if check else [],
        },
    )


@login_required
@require_POST
def settings_apply_view(request: HttpRequest, pk: int) -> HttpResponse:
    upload = upload_for(request.user, pk)
    check = upload_apply(upload, actor=request.user)
    messages.success(
        request,
        gettext("Đã áp dụng bảng cấu hình: {n_changes} thủ tục thay đổi (trong {rows} dòng).").format(
            n_changes=len(check.changes), rows=check.rows
        ),
    )
    return redirect(f"/procedures/cau-hinh/?province={upload.province_code}")


SETTING_LABELS = {**LABEL, "time_verified": gettext_lazy("Kiểm chứng thời hạn")}


def _change_row(change: Change) -> dict[str, object]:
    return {
        "code": change.code,
        "name": change.name,
        "line": change.line,
        "diffs": [
            (SETTING_LABELS[name], _shown(name, old), _shown(name, new))
            for name, old, new in change.differences()
        ],
    }


def _shown(name: str, value: object) -> str:
    """A setting's value as the sheet writes it."""
    if isinstance(value, bool):
        return YES if value else NO
    if name == "online_level":
        return ONLINE_LABELS[str(value)]
    if name == "time_unit":
        return UNIT_LABELS[str(value)]
    return "—" if value is None else str(value)
