"""`haicap metrics rebuild`: the counters computed from scratch from the dossier and report
tables, by the definitions in counters.py written as grouped queries. The incremental upserts
and this must agree row for row (tested)."""

from __future__ import annotations

import datetime as dt
from collections import Counter, defaultdict
from collections.abc import Callable, Iterable
from typing import Any

from django.db import connection, transaction
from django.db.models import Count, F, Func, IntegerField, Q, Sum
from django.db.models.functions import TruncDate

from haicap.feedback.deadlines import answered_on_time_q
from haicap.metrics.counters import OPEN_STATUSES, Counts
from haicap.metrics.models import COUNTERS, UnitDay, UnitMonth
from haicap.workdays.calendar import VN

Progress = Callable[[str], None]


class Epoch(Func):
    """Whole seconds since 1970 of a datetime column, as counters.epoch computes them."""

    output_field = IntegerField()

    def as_sqlite(self, compiler: Any, conn: Any, **extra: Any) -> Any:  # type: ignore[override]
        return self.as_sql(
            compiler, conn, template="CAST(strftime('%%%%s', %(expressions)s) AS INTEGER)", **extra
        )

    def as_postgresql(self, compiler: Any, conn: Any, **extra: Any) -> Any:
        return self.as_sql(
            compiler, conn, template="floor(extract(epoch from %(expressions)s))::bigint", **extra
        )


def _n(condition: Q | None = None) -> Count:
    return Count("id", filter=condition)


def _grouped(queryset: Any, moment: str, unit: str, **aggregates: Any) -> Iterable[dict]:
    return (
        queryset.filter(**{f"{moment}__isnull": False})
        .annotate(_day=TruncDate(moment, tzinfo=VN), _unit=F(unit))
        .values("province_code", "_unit", "_day")
        .annotate(**aggregates)
        .order_by()
        .iterator(chunk_size=20000)
    )


def _add(out: Counts, rows: Iterable[dict]) -> None:
    for row in rows:
        key = (row.pop("province_code"), row.pop("_unit"), row.pop("_day"))
        counter = out[key]
        for name, value in row.items():
            if value:
                counter[name] += int(value)


def computed_counts(province_code: str | None = None, progress: Progress | None = None) -> Counts:
    say = progress or (lambda _: None)
    dossiers, reports = _counted_tables(province_code)
    out: Counts = defaultdict(Counter)
    say("hồ sơ tiếp nhận")
    _add(out, _dossiers_received(dossiers))
    say("hồ sơ hoàn thành")
    _add(out, _dossiers_finished(dossiers))
    say("hồ sơ trả kết quả")
    _add(out, _dossiers_returned(dossiers))
    say("đánh giá hồ sơ")
    _add(out, _dossiers_rated(dossiers))
    say("hồ sơ nộp phí")
    _add(out, _dossiers_paid(dossiers))
    say("hồ sơ đang mở theo ngày hẹn trả")
    _add(out, _dossiers_open_by_due(dossiers))
    say("phản ánh, kiến nghị")
    _add_reports(out, reports)
    return out


DOSSIER_UNIT = "competent_unit__code"
REPORT_UNIT = "responsible_unit_code"


def _counted_tables(province_code: str | None) -> tuple[Any, Any]:
    """The dossiers and the routed reports (of one province, or all) the counters count."""
    from haicap.dossiers.models import Dossier
    from haicap.feedback.models import Report

    dossiers = Dossier.objects.all()
    reports = Report.objects.exclude(responsible_unit_code="")
    if province_code:
        dossiers = dossiers.filter(province_code=province_code)
        reports = reports.filter(province_code=province_code)
    return dossiers, reports


def _dossiers_received(dossiers: Any) -> Iterable[dict]:
    online = Q(channel="online")
    eligible = ~Q(online_level="none")
    return _grouped(
        dossiers,
        "received_at",
        DOSSIER_UNIT,
        received=_n(),
        online=_n(online),
        eligible=_n(eligible),
        eligible_online=_n(eligible & online),
    )


def _dossiers_finished(dossiers: Any) -> Iterable[dict]:
    return _grouped(
        dossiers.exclude(outcome=""),
        "finished_at",
        DOSSIER_UNIT,
        finished=_n(),
        early=_n(Q(outcome="early")),
        on_time=_n(Q(outcome="on_time")),
        late=_n(Q(outcome="late")),
        apologized=_n(Q(apologized=True)),
        processing_seconds=Sum(
            Epoch("finished_at") - Epoch("received_at"),
            filter=Q(received_at__isnull=False),
        ),
    )


# counters.electronic_result as a query
ELECTRONIC_RESULT_Q = Q(return_method="online") | Q(result_at__isnull=False)


def _dossiers_returned(dossiers: Any) -> Iterable[dict]:
    return _grouped(
        dossiers,
        "returned_at",
        DOSSIER_UNIT,
        returned=_n(),
        returned_online=_n(ELECTRONIC_RESULT_Q),
    )


def _dossiers_rated(dossiers: Any) -> Iterable[dict]:
    return _grouped(
        dossiers.exclude(rating_satisfied=None),
        "rated_at",
        DOSSIER_UNIT,
        rated=_n(),
        satisfied=_n(Q(rating_satisfied=True)),
    )


def _dossiers_paid(dossiers: Any) -> Iterable[dict]:
    return _grouped(
        dossiers.filter(fee_vnd__gt=0, paid_at__isnull=False),
        "paid_at",
        DOSSIER_UNIT,
        fee_paid=_n(),
        fee_paid_online=_n(Q(paid_via="transfer")),
    )


def _dossiers_open_by_due(dossiers: Any) -> Iterable[dict]:
    return _grouped(
        dossiers.filter(status__in=OPEN_STATUSES), "due_at", DOSSIER_UNIT, open_due=_n()
    )


def _add_reports(out: Counts, reports: Any) -> None:
    """Reports received, answered (and on time) and rated, by the responsible unit."""
    _add(out, _grouped(reports, "created_at", REPORT_UNIT, fb_received=_n()))
    _add(
        out,
        _grouped(
            reports.filter(answered_at__isnull=False),
            "answered_at",
            REPORT_UNIT,
            fb_answered=_n(),
            fb_answered_on_time=_n(answered_on_time_q()),
        ),
    )
    _add(
        out,
        _grouped(
            reports.exclude(rating_satisfied=None),
            "closed_at",
            REPORT_UNIT,
            fb_rated=_n(),
            fb_satisfied=_n(Q(rating_satisfied=True)),
        ),
    )


def _rows(model: type[UnitDay] | type[UnitMonth], period: str, counts: Counts) -> Iterable[Any]:
    for (province, unit, day), counter in sorted(counts.items()):
        if any(counter.values()):
            yield model(
                province_code=province,
                unit_code=unit,
                **{period: day},
                **{c: counter.get(c, 0) for c in COUNTERS},
            )


def rebuild(province_code: str | None = None, progress: Progress | None = None) -> dict[str, int]:
    """Replace the counters (of one province, or all) with ones computed from the tables."""
    days = computed_counts(province_code, progress)
    months: Counts = defaultdict(Counter)
    for (province, unit, day), counter in days.items():
        months[province, unit, day.replace(day=1)].update(counter)
    with transaction.atomic():
        for model in (UnitDay, UnitMonth):
            rows = model.objects.all()
            if province_code:
                rows = rows.filter(province_code=province_code)
            rows.delete()
        if progress:
            progress("ghi số liệu")
        UnitDay.objects.bulk_create(_rows(UnitDay, "day", days), batch_size=5000)
        UnitMonth.objects.bulk_create(_rows(UnitMonth, "month", months), batch_size=5000)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {UnitDay._meta.db_table}, {UnitMonth._meta.db_table}")
    return {"days": len(days), "months": len(months)}


def stored_counts(model: type[UnitDay] | type[UnitMonth] = UnitDay) -> dict[tuple, dict[str, int]]:
    """The counters as stored, without rows that are all zero (for comparisons)."""
    period = "day" if model is UnitDay else "month"
    out = {}
    for row in model.objects.values("province_code", "unit_code", period, *COUNTERS):
        values = {c: row[c] for c in COUNTERS if row[c]}
        if values:
            out[row["province_code"], row["unit_code"], row[period]] = values
    return out


def last_day(counts: Counts) -> dt.date | None:
    return max((day for _, _, day in counts), default=None)
