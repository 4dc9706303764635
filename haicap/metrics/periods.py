"""The counters of a period, per unit: month rows for the whole months in it and day rows for
the rest, so a quarter for all 3,321 communes reads about 10,000 rows. Open dossiers and reports
past their due time are counted live (they have no event that would count them), from indexed
columns.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from dataclasses import dataclass
from typing import Any

from django.db import connection
from django.db.models import Count

from haicap.dossiers.deadlines import overdue_q as dossier_overdue_q
from haicap.feedback.deadlines import overdue_q as report_overdue_q
from haicap.metrics.counters import _unit_code
from haicap.metrics.models import COUNTERS, UnitDay, UnitMonth
from haicap.workdays.calendar import VN


@dataclass(frozen=True)
class Period:
    start: dt.date
    end: dt.date  # inclusive

    def __post_init__(self) -> None:
        if self.end < self.start:
            raise ValueError("end before start")

    @property
    def start_at(self) -> dt.datetime:
        return dt.datetime.combine(self.start, dt.time(), tzinfo=VN)

    @property
    def end_at(self) -> dt.datetime:  # exclusive
        return dt.datetime.combine(self.end + dt.timedelta(days=1), dt.time(), tzinfo=VN)

    def split(self) -> tuple[list[dt.date], list[tuple[dt.date, dt.date]]]:
        """Whole months inside the period, and the day ranges left over."""
        months: list[dt.date] = []
        ranges: list[tuple[dt.date, dt.date]] = []
        day = self.start
        while day <= self.end:
            first = day.replace(day=1)
            following = (first + dt.timedelta(days=32)).replace(day=1)
            last = following - dt.timedelta(days=1)
            if day == first and last <= self.end:
                months.append(first)
            else:
                ranges.append((day, min(last, self.end)))
            day = following
        return months, ranges


EVENT_COUNTERS = tuple(c for c in COUNTERS if c != "open_due")


def _parts(
    period: Period, province_code: str | None, counters: str
) -> tuple[list[str], list[Any]]:
    """SELECTs of `counters` from the month rows of the period's whole months and the day rows
    of the rest."""
    months, ranges = period.split()
    in_province = " AND province_code = %s" if province_code else ""
    parts: list[str] = []
    params: list[Any] = []
    if months:
        marks = ", ".join(["%s"] * len(months))
        parts.append(
            f"SELECT unit_code, {counters} FROM {UnitMonth._meta.db_table} "
            f"WHERE month IN ({marks}){in_province}"
        )
        params += months + ([province_code] if province_code else [])
    if ranges:
        days = " OR ".join(["(day >= %s AND day <= %s)"] * len(ranges))
        parts.append(
            f"SELECT unit_code, {counters} FROM {UnitDay._meta.db_table} "
            f"WHERE ({days}){in_province}"
        )
        for first, last in ranges:
            params += [first, last]
        params += [province_code] if province_code else []
    return parts, params


def _period_rows(
    province_code: str | None, period: Period, as_of: dt.datetime | None = None
) -> list[tuple[Any, ...]]:
    """(unit code, *COUNTERS) summed over the period in one grouped query: month rows for its
    whole months and day rows for the rest. `open_due` is summed over the period's days before
    the day of `as_of` (the open dossiers already overdue on those days; 0 without `as_of`)."""
    events = ", ".join(EVENT_COUNTERS)
    overdue_days = _before_day_of(period, as_of)
    if overdue_days == period:  # a past period: the same rows give both
        parts, params = _parts(period, province_code, f"{events}, open_due")
    else:
        parts, params = _parts(period, province_code, f"{events}, 0 AS open_due")
    if overdue_days is not None and overdue_days != period:
        zeros = ", ".join(f"0 AS {c}" for c in EVENT_COUNTERS)
        more, more_params = _parts(overdue_days, province_code, f"{zeros}, open_due")
        parts, params = parts + more, params + more_params
    sums = ", ".join(f"CAST(sum({c}) AS BIGINT)" for c in (*EVENT_COUNTERS, "open_due"))
    with connection.cursor() as cursor:
        cursor.execute(
            f"SELECT unit_code, {sums} FROM ({' UNION ALL '.join(parts)}) AS period_rows "
            "GROUP BY unit_code",
            params,
        )
        return cursor.fetchall()


def _before_day_of(period: Period, as_of: dt.datetime | None) -> Period | None:
    """The days of the period before the day of `as_of` (None if there are none)."""
    if as_of is None:
        return None
    last = min(period.end, as_of.astimezone(VN).date() - dt.timedelta(days=1))
    return Period(period.start, last) if last >= period.start else None


NAMES = (*EVENT_COUNTERS, "overdue")  # what the period's open_due sum means


def _counter(values: tuple[Any, ...]) -> Counter[str]:
    # zeros kept: every measure treats a zero as an absent counter, and the Counter is built
    # from a plain dict at C speed (ranking the country makes 3,321 of them)
    return Counter(dict(zip(NAMES, values, strict=True)))


def period_counts(
    province_code: str | None, period: Period, as_of: dt.datetime | None = None
) -> dict[str, Counter[str]]:
    """The counters of every unit of a province (or of the country) summed over the period;
    with `as_of`, also `overdue` (open dossiers past due in the period by then)."""
    counts = {row[0]: _counter(row[1:]) for row in _period_rows(province_code, period, as_of)}
    if as_of is not None:
        for unit, extra in overdue_open(province_code, period, as_of).items():
            counts.setdefault(unit, Counter()).update(extra)
    return counts


def overdue_open(
    province_code: str | None, period: Period, as_of: dt.datetime
) -> dict[str, Counter]:
    """What the counters cannot say of the period's open items past due by `as_of`: the
    dossiers due earlier on the day of `as_of` (those of the days before come from `open_due`),
    and the reports (few, and their committed dates move the due time)."""
    from haicap.dossiers.models import Dossier
    from haicap.feedback.models import Report

    until = min(period.end_at, as_of)
    out: dict[str, Counter] = {}
    in_province = {"province_code": province_code} if province_code else {}
    day_start = dt.datetime.combine(as_of.astimezone(VN).date(), dt.time(), tzinfo=VN)
    since = max(period.start_at, day_start)
    if since < until:
        dossiers = (
            Dossier.objects.filter(dossier_overdue_q(until, since=since), **in_province)
            .values("competent_unit_id")
            .annotate(n=Count("*"))
            .order_by()
        )
        for row in dossiers:  # grouped by id, named from the (cached) unit codes: no join
            code = _unit_code(row["competent_unit_id"])
            out.setdefault(code, Counter())["overdue"] = row["n"]
    reports = (
        Report.objects.filter(report_overdue_q(until, since=period.start_at), **in_province)
        .values("responsible_unit_code")
        .annotate(n=Count("*"))
        .order_by()
    )
    for line in reports:
        out.setdefault(line["responsible_unit_code"], Counter())["fb_overdue"] = line["n"]
    return out
