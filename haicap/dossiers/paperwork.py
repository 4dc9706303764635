"""The official forms (Circular 01/2018, renumbered by Circular 03/2025) as PDFs, and the
register also as Excel. 01 receipt and appointment slip, 02 supplement request, 03 refusal,
04 apology and new date, 05 stop notice, 06 control sheet, 07 dossier register."""

from __future__ import annotations

import datetime as dt
import io
from typing import Any

import segno
from django.conf import settings
from django.db.models import Q
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import timezone, translation

from haicap.core.dateline import date_line, place_name
from haicap.core.errors import ApplicationError, NotFound
from haicap.core.pdf import Column, html_pdf, table_pdf
from haicap.dossiers.models import Dossier, DossierEvent, Status, SupplementRequest
from haicap.dossiers.received import received_lines
from haicap.dossiers.vietqr import fee_memo, fee_payload
from haicap.dossiers.workflow import action_label
from haicap.procedures.requirements import PRESENT
from haicap.procedures.selectors import related_detail
from haicap.units.models import Unit
from haicap.units.points import agency_parent, is_point, point_of
from haicap.workdays.calendar import VN

FORMS = {
    "01": "Phiếu tiếp nhận hồ sơ và hẹn trả kết quả",
    "02": "Phiếu yêu cầu bổ sung, hoàn thiện hồ sơ",
    "03": "Phiếu từ chối tiếp nhận giải quyết hồ sơ",
    "04": "Phiếu xin lỗi và hẹn lại ngày trả kết quả",
    "05": "Thông báo dừng xử lý hồ sơ",
    "06": "Phiếu kiểm soát quá trình giải quyết hồ sơ",
}
TIME_UNITS = {
    "working_days": "ngày làm việc",
    "days": "ngày",
    "hours": "giờ làm việc",
    "months": "tháng",
}
NOT_APPLICABLE = "Hồ sơ {code} không có {form}."


def _qr(data: str) -> str:
    return segno.make(data, error="m").png_data_uri(scale=5, border=1)


def tracking_url(dossier: Dossier) -> str:
    return f"{settings.HAICAP_PUBLIC_URL.rstrip('/')}/tra-cuu/?ma={dossier.code}"


def register_line(dossier: Dossier) -> str:
    year = dossier.registered_at.astimezone(VN).year
    earlier = Dossier.objects.filter(
        receiving_unit=dossier.receiving_unit, registered_at__year=year
    ).filter(
        Q(registered_at__lt=dossier.registered_at)
        | Q(registered_at=dossier.registered_at, pk__lte=dossier.pk)
    )
    return f"{earlier.count():02d}"


def _common(dossier: Dossier) -> dict[str, Any]:
    receiving = dossier.receiving_unit
    officer = dossier.created_by.get_full_name() if dossier.created_by else ""
    return {
        "d": dossier,
        "agency_parent": agency_parent(receiving),
        "agency": receiving.full_name if is_point(receiving) else "Bộ phận Một cửa",
        "competent": f"UBND {dossier.competent_unit.full_name}",
        "return_address": _point_address(dossier.return_unit),
        "place": place_name(receiving),  # the one-stop desk that issues the forms
        "today": timezone.now().astimezone(VN),
        "officer": officer,
        "received": (dossier.received_at or dossier.registered_at).astimezone(VN),
        "due": dossier.due_at.astimezone(VN) if dossier.due_at else None,
        "time_unit": TIME_UNITS.get(dossier.time_unit, dossier.time_unit),
    }


def _point_address(unit: Unit) -> str:
    """Where a service point returns results (a commune's own desk needs no address here)."""
    point = point_of(unit)
    return point.address if point else ""


def form_context(dossier: Dossier, number: str) -> dict[str, Any]:
    context = _common(dossier)
    if number == "01":
        if dossier.due_at is None:
            raise ApplicationError(
                NOT_APPLICABLE.format(code=dossier.code, form="phiếu hẹn (chưa tiếp nhận)"),
                status=409,
            )
        lines = received_lines(dossier.received_items or [])
        context["submitted"] = [c for c in lines if c.get("kind") != PRESENT]
        context["presented"] = [c for c in lines if c.get("kind") == PRESENT]
        context["register_line"] = register_line(dossier)
        context["tracking_qr"] = _qr(tracking_url(dossier))
        if dossier.fee_vnd:
            context["fee_qr"] = _qr(fee_payload(dossier.pk, dossier.fee_vnd))
            context["fee_memo"] = fee_memo(dossier.pk)
            context["fee_account"] = (
                f"{settings.HAICAP_FEE_ACCOUNT} ({settings.HAICAP_FEE_ACCOUNT_NAME})"
            )
    elif number == "02":
        supplement = dossier.supplements.order_by("-at").first()
        if supplement is None:
            raise ApplicationError(
                NOT_APPLICABLE.format(code=dossier.code, form="phiếu yêu cầu bổ sung"), status=409
            )
        context["supplement"] = supplement
        context["officer"] = (
            supplement.officer.get_full_name() if supplement.officer else context["officer"]
        )
    elif number == "03":
        if dossier.status != Status.NOT_ACCEPTED:
            raise ApplicationError(
                NOT_APPLICABLE.format(code=dossier.code, form="phiếu từ chối"), status=409
            )
    elif number == "04":
        event = dossier.events.filter(action="apologize").first()
        if event is None:
            raise ApplicationError(
                NOT_APPLICABLE.format(code=dossier.code, form="phiếu xin lỗi"), status=409
            )
        context["apology"] = {
            "reason": event.data["reason"],
            "original_due": dt.datetime.fromisoformat(event.data["original_due"]).astimezone(VN),
            "new_due": dt.datetime.fromisoformat(event.data["new_due"]).astimezone(VN),
        }
    elif number == "05":
        if dossier.status != Status.STOPPED:
            raise ApplicationError(
                NOT_APPLICABLE.format(code=dossier.code, form="thông báo dừng xử lý"), status=409
            )
    elif number == "06":
        context["events"] = [_event_row(e) for e in dossier.events.all()]
    else:
        raise NotFound(f"Không có biểu mẫu số «{number}».")
    return context


def _event_row(event: DossierEvent) -> dict[str, Any]:
    label = action_label(event.action)
    units = {
        u.code: u.full_name
        for u in Unit.objects.current().filter(code__in=[event.from_unit_code, event.to_unit_code])
    }
    return {
        "label": label,
        "at": event.at.astimezone(VN),
        "actor_label": event.actor_label,
        "from_unit": units.get(event.from_unit_code, ""),
        "to_unit": units.get(event.to_unit_code, ""),
        "status": Status(event.to_status).label,
        "note": event.note,
    }


def render_pdf(template: str, context: dict[str, Any]) -> bytes:
    return html_pdf(render_to_string(template, context))


def _in_vietnamese(build: Any) -> Any:
    """Official forms are Vietnamese whatever language the officer's screen is in."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        with translation.override("vi"):
            return build(*args, **kwargs)

    return wrapper


@_in_vietnamese
def form_pdf(dossier: Dossier, number: str) -> bytes:
    return render_pdf(f"dossiers/forms/{number}.html", form_context(dossier, number))


def form_response(dossier: Dossier, number: str) -> HttpResponse:
    """Form `number` of the dossier as an inline PDF (for the web pages and the API)."""
    if number not in FORMS:
        raise NotFound(f"Không có biểu mẫu số «{number}».")
    response = HttpResponse(form_pdf(dossier, number), content_type="application/pdf")
    response["Content-Disposition"] = f'inline; filename="{dossier.code}-mau-{number}.pdf"'
    return response


def register_rows(unit: Unit, year: int, month: int | None = None) -> list[dict[str, Any]]:
    """The register's lines of `year` (or of one month of it: its lines keep the year's
    numbers, so that the months printed one after another make the year's book)."""
    dossiers = Dossier.objects.filter(receiving_unit=unit, registered_at__year=year)
    first = 1
    if month is not None:
        first += dossiers.filter(registered_at__month__lt=month).count()
        dossiers = dossiers.filter(registered_at__month=month)
    dossiers = (
        dossiers.select_related("procedure", "competent_unit")
        .defer("competent_unit__boundary", *related_detail("procedure"))
        .order_by("registered_at", "pk")
    )
    transfers = dict(
        DossierEvent.objects.filter(dossier__in=dossiers, action="transfer").values_list(
            "dossier_id", "at"
        )
    )

    def day(value: dt.datetime | None) -> dt.date | None:  # a date: the sheet's cells are dates
        return value.astimezone(VN).date() if value else None

    return [
        {
            "line": f"{i:02d}",
            "code": d.code,
            "procedure": d.procedure.name,
            "sets": d.sets,
            "applicant": d.applicant_name,
            "address": d.applicant_address,
            "phone": d.applicant_phone,
            "competent": d.competent_unit.full_name,
            "received": day(d.received_at or d.registered_at),
            "due": day(d.due_at),
            "transferred": day(transfers.get(d.pk)),
            "processed": day(d.finished_at),
            "returned": day(d.returned_at),
            "status": str(Status(d.status).label),
        }
        for i, d in enumerate(dossiers, start=first)
    ]


# form 07's columns on paper (widths in mm on A4 landscape, scaled to the page)
REGISTER_PDF_COLUMNS = [
    Column("TT", 9),
    Column("Mã hồ sơ", 31),
    Column("Tên TTHC", 36),
    Column("Số lượng hồ sơ (bộ)", 13),
    Column("Tên cá nhân, tổ chức", 25),
    Column("Địa chỉ, số điện thoại", 35),
    Column("Cơ quan chủ trì giải quyết", 24),
    Column("Ngày, tháng, năm nhận hồ sơ", 19),
    Column("Hẹn trả kết quả", 19),
    Column("Chuyển hồ sơ đến cơ quan giải quyết", 19),
    Column("Nhận kết quả", 19),
    Column("Trả kết quả cho cá nhân, tổ chức", 19),
    Column("Ghi chú", 17),
]


def _day(value: dt.date | None) -> str:
    return f"{value:%d/%m/%Y}" if value else ""


def _cut(text: str, length: int) -> str:
    """As the forms' `truncatechars`: at most `length` characters, the last one an ellipsis."""
    return text if len(text) <= length else text[: length - 1] + "…"


@_in_vietnamese
def register_pdf(unit: Unit, year: int, month: int | None = None) -> bytes:
    """Form 07 for a year or one month of it, drawn as a table (core.pdf.table_pdf): a ward's
    year is thousands of lines."""
    desk = unit.full_name if is_point(unit) else f"Bộ phận Một cửa {unit.full_name}"
    period = f"tháng {month} năm {year}" if month else f"năm {year}"
    rows = [
        [
            r["line"],
            r["code"],
            _cut(r["procedure"], 60),
            r["sets"],
            r["applicant"],
            f"{_cut(r['address'], 50)}, {r['phone']}",
            r["competent"],
            _day(r["received"]),
            _day(r["due"]),
            _day(r["transferred"]),
            _day(r["processed"]),
            _day(r["returned"]),
            r["status"],
        ]
        for r in register_rows(unit, year, month)
    ]
    return table_pdf(
        agency=[agency_parent(unit).upper(), desk.upper()],
        number=f"Quyển số: {year}",
        date_line=date_line(place_name(unit), timezone.now().astimezone(VN).date()),
        title="SỔ THEO DÕI HỒ SƠ",
        subtitle=f"{desk} — {period}",
        columns=REGISTER_PDF_COLUMNS,
        rows=rows,
        empty="Chưa có hồ sơ.",
    )


REGISTER_COLUMNS = [
    ("line", "TT"),
    ("code", "Mã hồ sơ"),
    ("procedure", "Tên TTHC"),
    ("sets", "Số bộ"),
    ("applicant", "Tên cá nhân, tổ chức"),
    ("address", "Địa chỉ"),
    ("phone", "Số điện thoại"),
    ("competent", "Cơ quan chủ trì giải quyết"),
    ("received", "Ngày nhận"),
    ("due", "Hẹn trả"),
    ("transferred", "Chuyển cơ quan giải quyết"),
    ("processed", "Nhận kết quả"),
    ("returned", "Trả kết quả"),
    ("status", "Ghi chú"),
]


@_in_vietnamese
def register_xlsx(unit: Unit, year: int, month: int | None = None) -> bytes:
    from openpyxl import Workbook
    from openpyxl.styles import Font

    from haicap.core.exports import COUNT, append_row

    book = Workbook()
    sheet = book.active
    sheet.title = f"So theo doi {year}"
    desk = unit.full_name if is_point(unit) else f"Bộ phận Một cửa {unit.full_name}"
    period = f"tháng {month} năm {year}" if month else f"năm {year}"
    append_row(sheet, [f"SỔ THEO DÕI HỒ SƠ — {desk} — {period}"])
    sheet["A1"].font = Font(bold=True)
    append_row(sheet, [label for _, label in REGISTER_COLUMNS])
    for cell in sheet[2]:
        cell.font = Font(bold=True)
    formats = [COUNT if key == "sets" else None for key, _ in REGISTER_COLUMNS]
    for row in register_rows(unit, year, month):
        append_row(sheet, [row[key] for key, _ in REGISTER_COLUMNS], formats)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


__all__ = ["FORMS", "SupplementRequest", "form_pdf", "register_pdf", "register_xlsx"]
