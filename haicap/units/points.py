"""Service points beyond the commune: the province's public administration service centre and
its branches, as receiving agencies (ADR 0015).

A point is a `Unit` of level `point` (so that dossiers, memberships, queues and the daily code
sequence refer to it as to a commune) with a `ServicePoint` row saying where it is, when it is
open and which old district's headquarters it uses. The shipped list is
`data/service_points.csv`; `units_load` loads it after the units, in the same transaction.
"""

from __future__ import annotations

import csv
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from django.db import transaction
from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError, NotFound
from haicap.core.permissions import Actor, require_permission
from haicap.core.search import search, search_row
from haicap.core.ttlcache import clear_all_caches
from haicap.units.models import REFORM_DATE, Kind, Level, ServicePoint, Unit
from haicap.units.rights import UnitsAudit, UnitsPerm

POINTS_FILE = Path(__file__).resolve().parent / "data" / "service_points.csv"
POINT_KINDS = {Kind.SERVICE_CENTRE.value, Kind.SERVICE_BRANCH.value}
POINT_SEARCH = ("full_name", "code", "address")  # a point is found by its address too


class ServicePointDataError(Exception):
    """A row of the service point list is wrong; nothing was written."""


@dataclass(frozen=True)
class PointsSummary:
    created: int
    updated: int

    def line(self) -> str:
        return f"service points: {self.created} created, {self.updated} updated"


def _read(path: Path) -> list[dict[str, str]]:
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            return list(csv.DictReader(fh))
    except (OSError, csv.Error) as exc:
        raise ServicePointDataError(f"cannot read {path}: {exc}") from exc


def _checked(row: dict[str, str], line: int, codes: set[str]) -> Unit:
    """The commune the point's building is in; a wrong row names its line and column."""
    where = f"service_points.csv line {line}"
    code = row.get("code", "")
    if len(code) != 5 or code.isdigit():
        raise ServicePointDataError(f"{where}: code «{code}» must be 5 characters, not digits only")
    if row.get("kind") not in POINT_KINDS:
        raise ServicePointDataError(f"{where}: kind «{row.get('kind')}» is not a service point")
    if row.get("parent") and row["parent"] not in codes:
        raise ServicePointDataError(f"{where}: parent «{row['parent']}» is not listed before it")
    for column in ("name", "full_name", "address", "hours", "province_code"):
        if not row.get(column, "").strip():
            raise ServicePointDataError(f"{where}: column {column} is empty")
    commune = (
        Unit.objects.current()
        .filter(level=Level.COMMUNE, code=row.get("commune_code", ""))
        .first()
    )
    if commune is None or commune.province_code != row["province_code"]:
        raise ServicePointDataError(
            f"{where}: commune_code «{row.get('commune_code')}» is no commune in force of "
            f"province {row['province_code']}"
        )
    return commune


def _unit_save(row: dict[str, str]) -> tuple[Unit, bool]:
    fields = {
        "kind": row["kind"],
        "name": row["name"],
        "full_name": row["full_name"],
        "name_en": row.get("name_en", ""),
        "full_name_en": row.get("full_name_en", ""),
        **search_row(Unit, row, POINT_SEARCH),
        "province_code": row["province_code"],
        "district_code": row.get("old_district_code", ""),
        "source": "service_points.csv",
    }
    return Unit.objects.update_or_create(
        level=Level.POINT, code=row["code"], valid_from=REFORM_DATE, defaults=fields
    )


def service_points_load(*, path: Path = POINTS_FILE, actor: Actor | None = None) -> PointsSummary:
    """Create or update every listed point (idempotent, in one transaction, audited)."""
    rows = _read(path)
    created = updated = 0
    with transaction.atomic():
        saved: dict[str, ServicePoint] = {}
        for line, row in enumerate(rows, start=2):
            commune = _checked(row, line, set(saved))
            unit, made = _unit_save(row)
            lat, lon = row.get("lat", ""), row.get("lon", "")
            point, _ = ServicePoint.objects.update_or_create(
                unit=unit,
                defaults={
                    "parent": saved.get(row.get("parent", "")),
                    "province_code": row["province_code"],
                    "address": row["address"],
                    "commune_code": commune.code,
                    "old_district_code": row.get("old_district_code", ""),
                    "hours": "\n".join(p.strip() for p in row["hours"].split("|")),
                    "phone": row.get("phone", ""),
                    # no surveyed position: the commune's representative point, said so on the map
                    "lat": float(lat) if lat else commune.centroid_lat,
                    "lon": float(lon) if lon else commune.centroid_lon,
                    "demo": row.get("demo", "") == "1",
                    "source": row.get("source", "")[:200],
                    "order": int(row.get("order") or 0),
                },
            )
            saved[row["code"]] = point
            created, updated = created + made, updated + (not made)
        summary = PointsSummary(created, updated)
        audit_record(
            actor=actor,
            action=UnitsAudit.POINTS_LOADED,
            note=summary.line(),
            data={"created": created, "updated": updated, "codes": sorted(saved)},
        )
    clear_all_caches()
    transaction.on_commit(clear_all_caches)
    return summary


# --- a province administrator corrects a point -------------------------------------------------

POINT_NOT_FOUND = gettext_lazy("Không tìm thấy điểm tiếp nhận mã «{code}».")
FIELD_REQUIRED = gettext_lazy("Cần nhập {label}.")
FIELD_TOO_LONG = gettext_lazy("{label} dài quá {most} ký tự.")
HOURS_TOO_MANY = gettext_lazy("Giờ làm việc: tối đa {most} dòng.")
BAD_PHONE = gettext_lazy("Số điện thoại chỉ gồm chữ số, dấu cách, dấu chấm, dấu gạch và dấu +.")
MOST_HOUR_LINES, MOST_HOUR_LINE = 8, 120


def point_get(code: str) -> ServicePoint:
    point = service_points().filter(unit__code=code).first()
    if point is None:
        raise NotFound(POINT_NOT_FOUND.format(code=code[:20]), extra={"code": code[:20]})
    return point


def _text(value: str, field: str, label: Any, most: int) -> str:
    value = " ".join(value.split())
    if not value:
        raise ApplicationError(FIELD_REQUIRED.format(label=label), extra={"field": field}, status=422)
    if len(value) > most:
        raise ApplicationError(
            FIELD_TOO_LONG.format(label=label, most=most), extra={"field": field}, status=422
        )
    return value


def _hours(text: str) -> str:
    lines = [" ".join(line.split()) for line in text.splitlines() if line.strip()]
    if not lines:
        raise ApplicationError(
            FIELD_REQUIRED.format(label=gettext_lazy("giờ làm việc")), extra={"field": "hours"}, status=422
        )
    if len(lines) > MOST_HOUR_LINES:
        raise ApplicationError(
            HOURS_TOO_MANY.format(most=MOST_HOUR_LINES), extra={"field": "hours"}, status=422
        )
    for line in lines:
        _text(line, "hours", gettext_lazy("Mỗi dòng giờ làm việc"), MOST_HOUR_LINE)
    return "\n".join(lines)


def _phone(value: str) -> str:
    value = value.strip()
    if len(value) > 20 or any(ch not in "0123456789 .-+" for ch in value):
        raise ApplicationError(BAD_PHONE, extra={"field": "phone"}, status=422)
    return value


@transaction.atomic
def service_point_update(
    point: ServicePoint, *, actor: Actor, address: str, hours: str, phone: str = ""
) -> ServicePoint:
    """The province's administrator sets where a point is and when it is open, as the province
    decided it: the row is no longer illustrative (`demo`), and the change is audited with what
    it was before."""
    require_permission(actor, UnitsPerm.MANAGE_POINTS, province_code=point.province_code)
    point = ServicePoint.objects.select_for_update().select_related("unit").get(pk=point.pk)
    before = {"address": point.address, "hours": point.hours, "phone": point.phone}
    point.address = _text(address, "address", gettext_lazy("địa chỉ"), 300)
    point.hours, point.phone = _hours(hours), _phone(phone)
    point.demo = False
    point.source = f"Cập nhật bởi quản trị cấp tỉnh {actor.get_username()}"[:200]  # vi-only: stored source
    point.save()
    unit = point.unit
    columns = search_row(Unit, {"full_name": unit.full_name, "code": unit.code,
                                "address": point.address}, POINT_SEARCH)
    unit.search_name, unit.search_key = columns["search_name"], columns["search_key"]
    unit.save(update_fields=["search_name", "search_key"])
    audit_record(
        actor=actor,
        action=UnitsAudit.POINT_UPDATED,
        obj=point,
        province_code=point.province_code,
        unit_code=unit.code,
        note=f"{unit.code}: {point.address}; {point.hours_lines}",
        data={"before": before},
    )
    transaction.on_commit(clear_all_caches)
    return point


# --- reads ------------------------------------------------------------------------------------


def service_points(province_code: str = "", query: str = "") -> QuerySet[ServicePoint]:
    """Points in force (of a province), the centre before its branches; diacritic-free search
    on the name and address."""
    points = ServicePoint.objects.select_related("unit", "parent__unit").filter(
        unit__valid_to__isnull=True
    )
    if province_code:
        points = points.filter(province_code=province_code)
    return search(
        points,
        query,
        name="unit__search_name",
        text="unit__search_key",
        order=("province_code", "order", "unit__code"),
    )


def point_of(unit: Unit) -> ServicePoint | None:
    """The point's row for a unit of level `point`; None for a commune or province."""
    if unit.level != Level.POINT:
        return None
    return ServicePoint.objects.filter(unit=unit).first()


def point_units(province_code: str) -> list[Unit]:
    """The points of a province as units, for the receiving-place pickers."""
    return [p.unit for p in service_points(province_code)]


def is_point(unit: Unit) -> bool:
    return unit.level == Level.POINT


def agency_parent(unit: Unit) -> str:
    """The body above a receiving agency, for the forms' header: the commune's people's
    committee, or the province's for its service centre and branches."""
    if unit.level != Level.POINT:
        return f"UBND {unit.full_name}"
    province = Unit.objects.current().filter(level=Level.PROVINCE, code=unit.province_code).first()
    return f"UBND {province.full_name}" if province else unit.full_name

