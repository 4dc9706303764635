"""Reads of feedback: a province's categories (its own over the defaults), queues, the public
list without personal data, and open reports of the same kind nearby (suggested duplicates)."""

from __future__ import annotations

import math

from django.db.models import Count, Q, QuerySet
from django.utils import timezone
from django.utils.translation import gettext_lazy

from haicap.core.errors import NotFound
from haicap.core.permissions import Actor, scope_for
from haicap.core.search import search
from haicap.core.ttlcache import TTLCache
from haicap.feedback.deadlines import overdue_q
from haicap.feedback.models import OPEN_STATUSES, Category, Report, ReportStatus
from haicap.feedback.rights import FeedbackPerm

CATEGORY_NOT_FOUND = gettext_lazy("Không có lĩnh vực phản ánh «{code}» ở tỉnh {province}.")
NEARBY_METRES = 200


_categories: TTLCache[list[Category]] = TTLCache("feedback categories")


def categories_for(province_code: str) -> list[Category]:
    """The province's categories in force: its own, and the defaults it has not redefined."""
    return _categories.get(province_code, lambda: _categories_of(province_code))


def _categories_of(province_code: str) -> list[Category]:
    rows = Category.objects.filter(
        Q(province_code="") | Q(province_code=province_code), disabled_on__isnull=True
    )
    by_code: dict[str, Category] = {}
    for category in rows.order_by("province_code"):  # "" first, the province's own after
        by_code[category.code] = category
    return sorted(by_code.values(), key=lambda c: (c.code == "other", c.name))


def category_get(province_code: str, code: str) -> Category:
    for category in categories_for(province_code):
        if category.code == code:
            return category
    raise NotFound(
        CATEGORY_NOT_FOUND.format(code=code, province=province_code),
        extra={"field": "service_code"},
    )


def unit_queue(
    actor: Actor, *, unit_code: str = "", overdue_only: bool = False
) -> QuerySet[Report]:
    """Open reports in the actor's units, the most urgent first."""
    scope = scope_for(actor, FeedbackPerm.HANDLE)
    if scope.empty:
        return Report.objects.none()
    reports = Report.objects.filter(
        scope.q(province_field="province_code", unit_field="responsible_unit_code"),
        status__in=[s for s in OPEN_STATUSES if s != ReportStatus.DISPATCH],
    )
    if unit_code:
        reports = reports.filter(responsible_unit_code=unit_code)
    if overdue_only:
        reports = reports.filter(overdue_q(timezone.now()))
    return reports.select_related("category").order_by("due_at", "created_at")


def dispatcher_queue(actor: Actor) -> QuerySet[Report]:
    """Reports no single commune could take, and those a unit said are not theirs."""
    scope = scope_for(actor, FeedbackPerm.DISPATCH)
    if scope.empty:
        return Report.objects.none()
    return (
        Report.objects.filter(
            scope.q(province_field="province_code", unit_field="responsible_unit_code")
        )
        .filter(status__in=(ReportStatus.DISPATCH, ReportStatus.REJECTED))
        .select_related("category")
        .order_by("created_at")
    )


def public_reports(province_code: str = "", query: str = "", status: str = "") -> QuerySet[Report]:
    reports = Report.objects.filter(hidden=False, duplicate_of__isnull=True)
    if province_code:
        reports = reports.filter(province_code=province_code)
    if status == "open":
        reports = reports.filter(status__in=OPEN_STATUSES)
    elif status == "closed":
        reports = reports.exclude(status__in=OPEN_STATUSES)
    # description, code and address (core.search): the best match first, then the newest
    return search(reports, query, order=("-created_at",)).select_related("category")


def nearby_open(
    category: Category, lat: float, lon: float, *, exclude_pk: int | None = None
) -> list[Report]:
    """Open reports of the same category within NEARBY_METRES: shown before filing, and to the
    officer who may merge them."""
    dlat = NEARBY_METRES / 111_320
    dlon = dlat / max(0.2, math.cos(math.radians(lat)))
    candidates = Report.objects.filter(
        category__code=category.code,
        status__in=OPEN_STATUSES,
        duplicate_of__isnull=True,
        lat__range=(lat - dlat, lat + dlat),
        lon__range=(lon - dlon, lon + dlon),
    ).exclude(pk=exclude_pk or 0)

    def metres(r: Report) -> float:
        dy = (r.lat - lat) * 111_320  # type: ignore[operator]
        dx = (r.lon - lon) * 111_320 * math.cos(math.radians(lat))  # type: ignore[operator]
        return math.hypot(dx, dy)

    return sorted((r for r in candidates if metres(r) <= NEARBY_METRES), key=metres)[:5]


def feedback_figures(actor: Actor) -> dict[str, object]:
    """What the service index will read, for the actor's units: reports, answered, answered on
    time, satisfied among rated, open and overdue."""

    from haicap.feedback.models import ReportEvent

    scope = scope_for(actor, FeedbackPerm.HANDLE)
    reports = Report.objects.filter(
        scope.q(province_field="province_code", unit_field="responsible_unit_code")
    )
    # two queries, not seven: each count is a filtered aggregate over one scan
    answers = ReportEvent.objects.filter(report__in=reports, action="answer").aggregate(
        answered=Count("pk"), on_time=Count("pk", filter=Q(data__on_time=True))
    )
    figures = reports.aggregate(
        total=Count("pk"),
        rated=Count("pk", filter=Q(rating_satisfied__isnull=False)),
        satisfied=Count("pk", filter=Q(rating_satisfied=True)),
        open=Count("pk", filter=Q(status__in=OPEN_STATUSES)),
        overdue=Count("pk", filter=overdue_q(timezone.now())),
    )

    def share(part: int, whole: int) -> float | None:  # a ratio: the page writes it with |pct
        return part / whole if whole else None

    return {
        "total": figures["total"],
        "answered": answers["answered"],
        "on_time": share(answers["on_time"], answers["answered"]),
        "satisfied": share(figures["satisfied"], figures["rated"]),
        "open": figures["open"],
        "overdue": figures["overdue"],
    }
