"""The leadership dashboards (/chi-so/): the province's ranking of communes with a map,
trends, late dossiers by procedure, overdue reports and targets; a commune's own view; the
dossiers and reports behind every figure; Excel and CSV exports; the method."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from haicap.core.errors import ApplicationError, NotFound, PermissionDenied
from haicap.core.formatting import pct
from haicap.core.permissions import PERMISSION_DENIED, has_permission, scope_for
from haicap.core.rights import CorePerm
from haicap.metrics import selectors as s
from haicap.metrics.index import MEASURES, Period, min_dossiers
from haicap.metrics.models import Group, Indicator
from haicap.metrics.rights import MetricsPerm
from haicap.metrics.services import TARGET_CODES, targets_set
from haicap.units.models import Level, Unit
from haicap.units.selectors import default_province

# which list shows the records behind each indicator
BEHIND = {
    "progress": ("ho-so", "tre-han"),
    "online_share": ("ho-so", "truc-tuyen"),
    "electronic_results": ("ho-so", "ket-qua-dien-tu"),
    "dossier_satisfaction": ("ho-so", "khong-hai-long"),
    "feedback_on_time": ("phan-anh", "tre-han"),
    "feedback_satisfaction": ("phan-anh", "khong-hai-long"),
}


NO_LIST = gettext_lazy("Không có danh sách «{what}».")



def chart_words() -> dict[str, str]:
    """The charts' legend and axis words in the reader's language (the script has none)."""
    return {
        "received": gettext("Tiếp nhận"),
        "on_time": gettext("Đúng hạn"),
        "online": gettext("Trực tuyến"),
        "dossiers": gettext("hồ sơ"),
        "not_measured": gettext("chưa đo"),
    }


def _period(request: HttpRequest) -> tuple[str, Period]:
    return s.period_of(
        request.GET.get("ky", ""), request.GET.get("tu", ""), request.GET.get("den", "")
    )


def _require(request: HttpRequest, province_code: str, unit_code: str = "") -> None:
    if not has_permission(
        request.user, MetricsPerm.VIEW, province_code=province_code, unit_code=unit_code
    ):
        raise PermissionDenied(PERMISSION_DENIED, extra={"permission": MetricsPerm.VIEW})


def _query(kind: str, period: Period) -> str:
    if kind == "tuy-chon":
        return f"tu={period.start.isoformat()}&den={period.end.isoformat()}"
    return f"ky={kind}"


def _band(score: float | None) -> str:
    if score is None:
        return "none"
    return "good" if score >= 90 else ("fair" if score >= 75 else "poor")


def _row(unit: Any, name: Unit | None) -> dict[str, Any]:
    c = unit.counts
    return {
        "rank": unit.rank,
        "code": unit.unit_code,
        "name": name.name if name else unit.unit_code,
        "full_name": name.full_name if name else unit.unit_code,
        "score": unit.score,
        "band": _band(unit.score) if unit.enough else "none",
        "enough": unit.enough,  # too few dossiers: "chưa đủ dữ liệu", not ranked nor mapped
        "volume": unit.volume,
        "groups": unit.groups(),
        "received": c["received"],
        "online": unit.rate("online_rate"),  # ratios: the pages write them with |pct
        "on_time": unit.rate("on_time_rate"),
        "satisfied": c["satisfied"] / c["rated"] if c["rated"] else None,
        "late": c["late"] + c["overdue"],
        "overdue": c["overdue"],
        "fb_overdue": c["fb_overdue"],
    }


@login_required
def home(request: HttpRequest) -> HttpResponse:
    """Where a leader lands: the province view, or their commune's."""
    scope = scope_for(request.user, MetricsPerm.VIEW)
    if scope.empty:
        raise PermissionDenied(PERMISSION_DENIED, extra={"permission": MetricsPerm.VIEW})
    if scope.everything:
        return redirect("metrics:province", province=default_province())
    if scope.province_codes:
        return redirect("metrics:province", province=sorted(scope.province_codes)[0])
    return redirect("metrics:unit", code=sorted(scope.unit_codes)[0])


@login_required
def province(request: HttpRequest, province: str) -> HttpResponse:
    unit = s.province_unit(province)
    _require(request, province)
    kind, period = _period(request)
    as_of = timezone.now()
    result = s.ranking(province, period, as_of)
    rows = [_row(u, result.names.get(u.unit_code)) for u in result.units]
    procedures, fields = s.late_by_procedure(province, period, as_of)
    overdue = s.overdue_reports_by_unit(province, period, as_of)
    names = {u.code: u.name for u in result.names.values()}
    for row in overdue:
        row["name"] = names.get(row["responsible_unit_code"], unit.name)
    query = _query(kind, period)
    return render(
        request,
        "metrics/province.html",
        {
            "province": unit,
            "kind": kind,
            "periods": s.PERIODS,
            "period": period,
            "query": query,
            "as_of": as_of,
            "total": _row(result.province, unit),
            "total_index": result.province,
            "rows": rows,
            "ranked": sum(1 for r in rows if r["rank"] is not None),
            "few": sum(1 for r in rows if r["score"] is not None and not r["enough"]),
            "min_dossiers": min_dossiers(),
            "chart": {
                "scores": [
                    {"name": r["code"], "value": r["score"], "label": r["name"]}
                    for r in rows
                    if r["score"] is not None and r["enough"]
                ],
                "trend": s.trend(province, period),
                "words": chart_words(),
                "procedures": [
                    {"name": p["procedure__name"][:60], "value": p["n"]} for p in procedures[:10]
                ],
                "unit_url": reverse("metrics:unit", args=["00000"]) + "?" + query,
                "shapes_url": reverse("metrics:shapes", args=[province]),
            },
            "procedures": procedures,
            "fields": fields,
            "overdue": overdue,
            "targets": [
                {**t, "value_text": pct(t["value"]), "goal_text": pct(t["goal"])}
                for t in s.targets(province, result.province, period)
            ],
            "can_manage": has_permission(
                request.user, MetricsPerm.MANAGE, province_code=province
            ),
            "target_form": s.target_form(province),
        },
    )


@login_required
@require_POST
def targets(request: HttpRequest, province: str) -> HttpResponse:
    s.province_unit(province)
    post = request.POST
    try:
        targets_set(
            actor=request.user,
            province_code=province,
            percents={code: post.get(code, "") for code in TARGET_CODES},
            baseline_from=post.get("baseline_from", ""),
            baseline_to=post.get("baseline_to", ""),
        )
    except ApplicationError as error:
        if error.status == 403:
            raise
        messages.error(request, error.message)
    else:
        messages.success(request, gettext("Đã lưu chỉ tiêu."))
    return redirect(reverse("metrics:province", args=[province]) + "#chi-tieu")


@login_required
def unit(request: HttpRequest, code: str) -> HttpResponse:
    unit = s.commune_unit(code)
    _require(request, unit.province_code, unit.code)
    kind, period = _period(request)
    as_of = timezone.now()
    index, rank, ranked = s.unit_figures(unit, period)
    groups = []
    for group_code, label in Group.choices:
        figures = []
        for f in index.figures:
            if f.indicator.group != group_code:
                continue
            behind = BEHIND.get(f.indicator.code)
            figures.append(
                {
                    "indicator": f.indicator,
                    "measured": f.measured,
                    "rate": pct(f.rate),
                    "score": f.score,
                    "formula": MEASURES[f.indicator.measure][0] if f.indicator.measure else "",
                    "numerator": f.numerator,
                    "denominator": f.denominator,
                    "behind": behind,
                }
            )
        summary = next(g for g in index.groups() if g["code"] == group_code)
        groups.append({**summary, "name": label, "figures": figures})
    query = _query(kind, period)
    late = s.dossiers_behind("tre-han", unit.province_code, unit.code, period, as_of)
    late_page = list(late[:20])
    reasons = s.late_reasons(late_page)
    for d in late_page:
        d.reason = reasons.get(d.pk, "") or (d.note if d.outcome == "late" else "")
    procedures, _fields = s.late_by_procedure(unit.province_code, period, as_of, unit.code)
    return render(
        request,
        "metrics/unit.html",
        {
            "unit": unit,
            "kind": kind,
            "periods": s.PERIODS,
            "period": period,
            "query": query,
            "as_of": as_of,
            "index": index,
            "row": _row(index, unit),
            "rank": rank,
            "ranked": ranked,
            "min_dossiers": min_dossiers(),
            "groups": groups,
            "late": late_page,
            "late_count": late.count(),
            "overdue_reports": s.reports_behind(
                "qua-han", unit.province_code, unit.code, period, as_of
            )[:20],
            "procedures": procedures,
            "chart": {"trend": s.trend(unit.province_code, period, unit.code), "words": chart_words()},
            "can_province": has_permission(
                request.user, MetricsPerm.VIEW, province_code=unit.province_code
            ),
        },
    )


@login_required
def behind(request: HttpRequest, code: str, what: str) -> HttpResponse:
    """The dossiers or reports behind a figure, paginated."""
    if what not in ("ho-so", "phan-anh"):
        raise NotFound(NO_LIST.format(what=what), extra={"list": what})
    unit = s.commune_unit(code)
    _require(request, unit.province_code, unit.code)
    kind, period = _period(request)
    as_of = timezone.now()
    list_kind = request.GET.get("loai", "tre-han")
    unit_code = None if unit.level == Level.PROVINCE and request.GET.get("ca-tinh") else unit.code
    if what == "ho-so":
        rows = s.dossiers_behind(list_kind, unit.province_code, unit_code, period, as_of)
        title = s.DOSSIER_KINDS[list_kind]
    else:
        rows = s.reports_behind(list_kind, unit.province_code, unit_code, period, as_of)
        title = s.REPORT_KINDS[list_kind]
    page = Paginator(rows, 50).get_page(request.GET.get("page"))
    if what == "ho-so":
        reasons = s.late_reasons(list(page))
        for d in page:
            d.reason = reasons.get(d.pk, "")
    return render(
        request,
        "metrics/behind.html",
        {
            "unit": unit,
            "what": what,
            "kind": kind,
            "period": period,
            "query": _query(kind, period),
            "list_kind": list_kind,
            "kinds": s.DOSSIER_KINDS if what == "ho-so" else s.REPORT_KINDS,
            "title": title,
            "page": page,
            "as_of": as_of,
            "personal": has_permission(
                request.user,
                CorePerm.VIEW_PERSONAL_DATA,
                province_code=unit.province_code,
                unit_code=unit.code,
            ),
        },
    )


@login_required
def shapes(request: HttpRequest, province: str) -> HttpResponse:
    s.province_unit(province)
    _require(request, province)
    response = HttpResponse(s.province_shapes(province), content_type="application/geo+json")
    response["Cache-Control"] = "private, max-age=3600"
    return response


def method(request: HttpRequest) -> HttpResponse:
    """How the index is computed: groups, indicators, points, thresholds, what is measured."""
    indicators = list(Indicator.objects.order_by("order"))
    groups = []
    for code, label in Group.choices:
        items = [i for i in indicators if i.group == code]
        groups.append(
            {
                "name": label,
                "points": sum(i.points for i in items),
                "items": [
                    {
                        "indicator": i,
                        "formula": MEASURES[i.measure][0] if i.measure in MEASURES else "",
                    }
                    for i in items
                ],
            }
        )
    return render(request, "metrics/method.html", {"groups": groups})
