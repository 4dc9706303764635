"""The ranking of a province's communes as a sheet (/chi-so/tinh/<province>/xuat.csv|xlsx):
the same rows as the dashboard, each export recorded in the audit log.

Cells are numbers (ADR 17): scores as decimals, shares as ratios (0.65) that the xlsx shows
as a percentage and the CSV writes in the platform's machine format; an unmeasured score is
an empty CSV cell and the words "chưa đo được" in the workbook."""

from __future__ import annotations

import csv
import io
from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import HttpRequest, HttpResponse

from haicap.core.audit import audit_record
from haicap.core.errors import NotFound
from haicap.core.exports import COUNT, DECIMAL2, PERCENT, SafeCsvWriter, append_row
from haicap.metrics import selectors as s
from haicap.metrics.index import min_dossiers
from haicap.metrics.models import Group
from haicap.metrics.rights import MetricsAudit
from haicap.metrics.views import _period, _require, _row

EXPORT_HEADER = [
    "Hạng",
    "Mã",
    "Xã/phường",
    "Điểm (trên 100, các chỉ số đo được)",
    *[str(label) for _, label in Group.choices],
    "Hồ sơ tiếp nhận",
    "Trực tuyến",
    "Đúng hạn",
    "Hài lòng",
    "Trễ hạn",
    "Quá hạn chưa xong",
    "Phản ánh quá hạn",
    "Ghi chú",
]
NOT_MEASURED = "chưa đo được"
FORMATS = [
    None,
    None,
    None,
    DECIMAL2,
    *[DECIMAL2 for _ in Group.choices],
    COUNT,
    PERCENT,
    PERCENT,
    PERCENT,
    COUNT,
    COUNT,
    COUNT,
    None,  # Ghi chú
]
NOT_ENOUGH = "chưa đủ dữ liệu: {n} hồ sơ trong kỳ, cần ít nhất {m}"


def _export_rows(rows: list[dict[str, Any]]) -> list[list[Any]]:
    out = []
    for r in rows:
        out.append(
            [
                r["rank"],
                r["code"],
                r["full_name"],
                r["score"],
                *[g["score"] for g in r["groups"]],
                r["received"],
                r["online"],
                r["on_time"],
                r["satisfied"],
                r["late"],
                r["overdue"],
                r["fb_overdue"],
                # too few dossiers: not ranked (rank empty), as on the page and the map
                ""
                if r["enough"] or r["score"] is None
                else NOT_ENOUGH.format(n=r["volume"], m=min_dossiers()),
            ]
        )
    return out


@login_required
def export(request: HttpRequest, province: str, fmt: str) -> HttpResponse:
    if fmt not in ("csv", "xlsx"):
        raise NotFound(f"Định dạng «{fmt}» không có: csv hoặc xlsx.", extra={"format": fmt})
    unit = s.province_unit(province)
    _require(request, province)
    _kind, period = _period(request)
    result = s.ranking(province, period)
    rows = _export_rows([_row(u, result.names.get(u.unit_code)) for u in result.units])
    name = f"chi-so-{province}-{period.start:%Y%m%d}-{period.end:%Y%m%d}"
    audit_record(
        actor=request.user,
        action=MetricsAudit.EXPORTED,
        obj=unit,
        province_code=province,
        note=f"{fmt} {period.start}–{period.end}",
    )
    title = f"Chỉ số phục vụ {unit.full_name}, {period.start:%d/%m/%Y}–{period.end:%d/%m/%Y}"
    response = _csv(title, rows) if fmt == "csv" else _xlsx(title, rows)
    response["Content-Disposition"] = f'attachment; filename="{name}.{fmt}"'
    return response


def _csv(title: str, rows: list[list[Any]]) -> HttpResponse:
    buffer = io.StringIO()
    writer = SafeCsvWriter(csv.writer(buffer))
    writer.writerow([title])
    writer.writerow(EXPORT_HEADER)
    writer.writerows(rows)
    return HttpResponse("\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8")


def _xlsx(title: str, rows: list[list[Any]]) -> HttpResponse:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    book = Workbook()
    sheet = book.active
    assert sheet is not None
    sheet.title = "Xếp hạng"
    append_row(sheet, [title])
    append_row(sheet, EXPORT_HEADER)
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    for row in rows:
        scores = range(3, 4 + len(Group.choices))  # the score and the groups' scores
        append_row(
            sheet,
            [NOT_MEASURED if v is None and i in scores else v for i, v in enumerate(row)],
            FORMATS,
        )
    sheet.freeze_panes = "D3"
    sheet.column_dimensions["C"].width = 32
    out = io.BytesIO()
    book.save(out)
    return HttpResponse(
        out.getvalue(),
        content_type="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet",
    )
