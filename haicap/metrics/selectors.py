"""What the dashboards and the API read: periods, the ranked index of a province, trends,
late dossiers by procedure, overdue reports, targets, and the records behind every figure."""

from __future__ import annotations

import datetime as dt
import json
from collections import Counter
from dataclasses import dataclass
from typing import Any

import shapely
from django.db.models import Count, Q, QuerySet, Sum
from django.utils import timezone
from django.utils.translation import gettext_lazy, gettext_noop

from haicap.core.errors import ApplicationError, NotFound
from haicap.core.formatting import days, plain
from haicap.core.ttlcache import TTLCache
from haicap.dossiers.deadlines import overdue_q as dossier_overdue_q
from haicap.feedback.deadlines import overdue_q as report_overdue_q
from haicap.metrics.index import UnitIndex, province_index
from haicap.metrics.models import Target, UnitDay
from haicap.metrics.periods import Period
from haicap.procedures.selectors import related_detail
from haicap.units.models import Level, Unit
from haicap.workdays.calendar import VN

PERIODS = {
    "hom-qua": gettext_noop("Hôm qua"),
    "thang": gettext_noop("Tháng này"),
    "quy": gettext_noop("Quý này"),
    "nam": gettext_noop("Năm nay"),
}
MAX_DAYS = 3 * 366
BAD_DATE = gettext_lazy("Ngày «{value}» không hợp lệ: dùng dạng YYYY-MM-DD.")
BAD_PERIOD = gettext_lazy("Kỳ «{start} – {end}» không hợp lệ: ngày đầu phải trước ngày cuối, tối đa 3 năm.")
NO_PROVINCE = gettext_lazy("Không có tỉnh/thành phố mã «{code}».")
NO_UNIT = gettext_lazy("Không có xã/phường/tỉnh mã «{code}».")
NO_LIST_KIND = gettext_lazy("Loại danh sách «{kind}» không tồn tại.")
BASELINE_EMPTY = gettext_lazy("kỳ gốc {start:%d/%m/%Y}–{end:%d/%m/%Y} chưa có số liệu")
AVERAGE_VERSUS = gettext_lazy(
    "bình quân {now} so với {before} (kỳ gốc {start:%d/%m/%Y}–{end:%d/%m/%Y})"
)


def today() -> dt.date:
    return timezone.now().astimezone(VN).date()


def _date(value: str, field: str) -> dt.date:
    try:
        return dt.date.fromisoformat(value)
    except ValueError:
        raise ApplicationError(BAD_DATE.format(value=value), extra={"field": field}) from None


def period_of(kind: str = "", start: str = "", end: str = "") -> tuple[str, Period]:
    """The period a request asks for: a named one (yesterday, this month, quarter, year — up to
    today) or explicit dates; the quarter so far by default."""
    now = today()
    if start or end:
        first = _date(start, "from") if start else now.replace(day=1)
        last = _date(end, "to") if end else now
        if last < first or (last - first).days > MAX_DAYS:
            raise ApplicationError(BAD_PERIOD.format(start=first, end=last), extra={"field": "to"})
        return "tuy-chon", Period(first, last)
    if kind == "hom-qua":
        yesterday = now - dt.timedelta(days=1)
        return kind, Period(yesterday, yesterday)
    if kind == "thang":
        return kind, Period(now.replace(day=1), now)
    if kind == "nam":
        return kind, Period(now.replace(month=1, day=1), now)
    quarter_start = now.replace(month=3 * ((now.month - 1) // 3) + 1, day=1)
    return "quy", Period(quarter_start, now)


def province_unit(code: str) -> Unit:
    unit = Unit.objects.current().filter(level=Level.PROVINCE, code=code).first()
    if unit is None:
        raise NotFound(NO_PROVINCE.format(code=code), extra={"province": code})
    return unit


def commune_unit(code: str) -> Unit:
    unit = (
        Unit.objects.current()
        .filter(code=code, level__in=[Level.COMMUNE, Level.PROVINCE])
        .order_by("level")
        .first()
    )
    if unit is None:
        raise NotFound(NO_UNIT.format(code=code), extra={"unit": code})
    return unit


def _communes_query(province_code: str | None) -> QuerySet[Unit]:
    units = Unit.objects.current().filter(level=Level.COMMUNE)
    if province_code:
        units = units.filter(province_code=province_code)
    return units.order_by("code")


_communes: TTLCache[list[Unit]] = TTLCache("metrics-communes", maxsize=64)


def communes_of(province_code: str | None) -> list[Unit]:
    """The communes in force of a province (None: the country), without their boundaries;
    cached per process like other reference rows (ADR 5): every ranking asks for them."""
    return _communes.get(
        province_code or "", lambda: list(_communes_query(province_code).defer("boundary"))
    )


@dataclass
class Ranking:
    province: UnitIndex
    units: list[UnitIndex]
    names: dict[str, Unit]
    period: Period
    as_of: dt.datetime


def ranking(province_code: str, period: Period, as_of: dt.datetime | None = None) -> Ranking:
    """Every commune of the province with its score and rank (and the province as a whole)."""
    communes = communes_of(province_code)
    as_of = as_of or timezone.now()
    total, units = province_index(province_code, period, [u.code for u in communes], as_of=as_of)
    return Ranking(total, units, {u.code: u for u in communes}, period, as_of)


def unit_figures(unit: Unit, period: Period) -> tuple[UnitIndex, int | None, int]:
    """One unit's index, its rank among the province's communes and how many were ranked."""
    communes = communes_of(unit.province_code)
    codes = [u.code for u in communes]
    if unit.code not in codes:
        codes.append(unit.code)
    _, units = province_index(unit.province_code, period, codes)
    mine = next(u for u in units if u.unit_code == unit.code)
    ranked = sum(1 for u in units if u.rank is not None and u.unit_code != unit.province_code)
    return mine, (mine.rank if unit.level == Level.COMMUNE else None), ranked


def trend(province_code: str, period: Period, unit_code: str | None = None) -> list[dict]:
    """Per day: dossiers received and finished, on-time and online shares."""
    rows = UnitDay.objects.filter(
        province_code=province_code, day__gte=period.start, day__lte=period.end
    )
    if unit_code:
        rows = rows.filter(unit_code=unit_code)
    fields = ("received", "online", "finished", "early", "on_time", "late", "rated", "satisfied")
    out = []
    sums: Any = rows.values("day").annotate(**{f: Sum(f) for f in fields}).order_by("day")
    for row in sums:
        finished, received = row["finished"] or 0, row["received"] or 0
        out.append(
            {
                "day": row["day"].isoformat(),
                "received": received,
                "finished": finished,
                "on_time": round(100 * (row["early"] + row["on_time"]) / finished, 2)
                if finished
                else None,
                "online": round(100 * row["online"] / received, 2) if received else None,
            }
        )
    return out


def _between(field: str, period: Period) -> Q:
    return Q(**{f"{field}__gte": period.start_at, f"{field}__lt": period.end_at})


def _overdue(period: Period, as_of: dt.datetime) -> Q:
    until = min(period.end_at, as_of)
    return dossier_overdue_q(until, since=period.start_at)


DOSSIER_KINDS = {
    "tre-han": gettext_noop("Trễ hạn (đã xong trễ hoặc quá hạn chưa xong)"),
    "qua-han": gettext_noop("Quá hạn, chưa xử lý xong"),
    "tiep-nhan": gettext_noop("Tiếp nhận trong kỳ"),
    "truc-tuyen": gettext_noop("Nộp trực tuyến"),
    "hoan-thanh": gettext_noop("Hoàn thành trong kỳ"),
    "ket-qua-dien-tu": gettext_noop("Trả kết quả trực tuyến"),
    "khong-hai-long": gettext_noop("Công dân không hài lòng"),
}
REPORT_KINDS = {
    "tre-han": gettext_noop("Trả lời trễ hạn hoặc quá hạn chưa trả lời"),
    "qua-han": gettext_noop("Quá hạn, chưa trả lời"),
    "tiep-nhan": gettext_noop("Tiếp nhận trong kỳ"),
    "khong-hai-long": gettext_noop("Người dân không hài lòng"),
}


def dossiers_behind(
    kind: str, province_code: str, unit_code: str | None, period: Period, as_of: dt.datetime
) -> QuerySet:
    """The dossiers behind a figure (the same definitions as the counters)."""
    from haicap.dossiers.models import Dossier

    if kind not in DOSSIER_KINDS:
        raise ApplicationError(
            NO_LIST_KIND.format(kind=kind), extra={"allowed": list(DOSSIER_KINDS)}
        )
    rows = Dossier.objects.filter(province_code=province_code)
    if unit_code:
        rows = rows.filter(competent_unit__code=unit_code)
    late = Q(outcome="late") & _between("finished_at", period)
    condition = {
        "tre-han": late | _overdue(period, as_of),
        "qua-han": _overdue(period, as_of),
        "tiep-nhan": _between("received_at", period),
        "truc-tuyen": _between("received_at", period) & Q(channel="online"),
        "hoan-thanh": ~Q(outcome="") & _between("finished_at", period),
        "ket-qua-dien-tu": _between("returned_at", period) & Q(return_method="online"),
        "khong-hai-long": _between("rated_at", period) & Q(rating_satisfied=False),
    }[kind]
    return (
        rows.filter(condition)
        .select_related("procedure", "competent_unit", "receiving_unit", "assigned_to")
        .defer("competent_unit__boundary", "receiving_unit__boundary", *related_detail("procedure"))
        .order_by("due_at", "code")
    )


def late_reasons(dossiers: list[Any]) -> dict[int, str]:
    """Why each dossier is late, in the officer's words (the apology), where there is one."""
    from haicap.dossiers.models import DossierEvent

    reasons: dict[int, str] = {}
    for event in DossierEvent.objects.filter(
        dossier__in=[d.pk for d in dossiers], action="apologize"
    ).order_by("at"):
        reasons[event.dossier_id] = event.note
    return reasons


def reports_behind(
    kind: str, province_code: str, unit_code: str | None, period: Period, as_of: dt.datetime
) -> QuerySet:
    from django.db.models import F

    from haicap.feedback.models import Report

    if kind not in REPORT_KINDS:
        raise ApplicationError(
            NO_LIST_KIND.format(kind=kind), extra={"allowed": list(REPORT_KINDS)}
        )
    rows = Report.objects.filter(province_code=province_code)
    if unit_code:
        rows = rows.filter(responsible_unit_code=unit_code)
    until = min(period.end_at, as_of)
    overdue = report_overdue_q(until, since=period.start_at)
    answered_late = (
        _between("answered_at", period)
        & Q(due_at__isnull=False, answered_at__gt=F("due_at"))
        & (Q(committed_at__isnull=True) | Q(answered_at__gt=F("committed_at")))
    )
    condition = {
        "tre-han": answered_late | overdue,
        "qua-han": overdue,
        "tiep-nhan": _between("created_at", period),
        "khong-hai-long": _between("closed_at", period) & Q(rating_satisfied=False),
    }[kind]
    return rows.filter(condition).select_related("category").order_by("due_at", "code")


def late_by_procedure(
    province_code: str, period: Period, as_of: dt.datetime, unit_code: str | None = None
) -> tuple[list[dict], list[dict]]:
    """Late dossiers per procedure (top 15) and per field."""
    late = dossiers_behind("tre-han", province_code, unit_code, period, as_of)
    procedures = list(
        late.values("procedure__code", "procedure__name", "procedure__field")
        .annotate(n=Count("id"))
        .order_by("-n", "procedure__code")[:15]
    )
    fields = list(late.values("procedure__field").annotate(n=Count("id")).order_by("-n")[:15])
    return procedures, fields


def overdue_reports_by_unit(
    province_code: str, period: Period, as_of: dt.datetime
) -> list[dict[str, Any]]:
    rows = (
        reports_behind("qua-han", province_code, None, period, as_of)
        .values("responsible_unit_code")
        .annotate(n=Count("id"))
        .order_by("-n", "responsible_unit_code")[:15]
    )
    return list(rows)


def targets(province_code: str, total: UnitIndex, period: Period) -> list[dict[str, Any]]:
    """The province's targets (or the national defaults) with the period's progress."""
    rows = {t.code: t for t in Target.objects.filter(province_code="")}
    rows.update({t.code: t for t in Target.objects.filter(province_code=province_code)})
    c = total.counts
    out: list[dict[str, Any]] = []
    for code, target in rows.items():
        value, label, detail = None, code, ""
        goal = float(target.value)
        if code == "online_share":
            label = gettext_noop("Hồ sơ nộp trực tuyến")
            value = c["online"] / c["received"] if c["received"] else None
        elif code == "on_time":
            label = gettext_noop("Hồ sơ giải quyết đúng hạn")
            done = c["finished"] + c["overdue"]
            value = (c["early"] + c["on_time"]) / done if done else None
        elif code == "processing_time_cut":
            label = gettext_noop("Giảm thời gian giải quyết so với kỳ gốc")
            value, detail = _processing_cut(province_code, target, c)
        out.append(
            {
                "code": code,
                "label": label,
                "goal": goal,
                "value": value,
                "progress": None if value is None else max(0.0, min(1.0, value / goal)),
                "met": value is not None and value >= goal - 1e-9,
                "detail": detail,
            }
        )
    return out


def _processing_cut(
    province_code: str, target: Target, c: Counter[str]
) -> tuple[float | None, str]:
    if not (target.baseline_from and target.baseline_to) or not c["finished"]:
        return None, str(gettext_lazy("chưa có kỳ gốc hoặc chưa có hồ sơ hoàn thành"))
    base = UnitDay.objects.filter(
        province_code=province_code,
        day__gte=target.baseline_from,
        day__lte=target.baseline_to,
    ).aggregate(seconds=Sum("processing_seconds"), finished=Sum("finished"))
    if not base["finished"]:
        return (
            None,
            str(BASELINE_EMPTY).format(start=target.baseline_from, end=target.baseline_to),
        )
    before = base["seconds"] / base["finished"]
    now = c["processing_seconds"] / c["finished"]
    return 1 - now / before, str(AVERAGE_VERSUS).format(
        now=days(now / 86400),
        before=days(before / 86400),
        start=target.baseline_from,
        end=target.baseline_to,
    )


_shapes: TTLCache[str] = TTLCache("metrics-shapes", maxsize=64)


def province_shapes(province_code: str) -> str:
    """The communes' boundaries, simplified for a choropleth map (GeoJSON text, property
    `code`)."""

    def build() -> str:
        features = []
        for unit in _communes_query(province_code):
            if not unit.boundary:
                continue
            shape = shapely.from_geojson(unit.boundary).simplify(0.0008, preserve_topology=True)
            features.append(
                {
                    "type": "Feature",
                    "properties": {"code": unit.code, "name": unit.name},
                    "geometry": json.loads(shapely.to_geojson(shapely.set_precision(shape, 1e-5))),
                }
            )
        return json.dumps({"type": "FeatureCollection", "features": features})

    return _shapes.get(province_code, build)


def target_form(province_code: str) -> dict[str, str]:
    """The province's targets as the form shows them (percentages, baseline dates)."""
    rows = {t.code: t for t in Target.objects.filter(province_code="")}
    rows.update({t.code: t for t in Target.objects.filter(province_code=province_code)})
    form = {code: plain(100 * t.value) for code, t in rows.items()}  # "80" or "99,5"
    cut = rows.get("processing_time_cut")
    form["baseline_from"] = cut.baseline_from.isoformat() if cut and cut.baseline_from else ""
    form["baseline_to"] = cut.baseline_to.isoformat() if cut and cut.baseline_to else ""
    return form
