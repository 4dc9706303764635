"""The service index of Decision 766 per unit and period, from the counters.

A period is read from month rows for the whole months in it and day rows for the rest, so a
quarter for all 3,321 communes reads about 10,000 rows. Open dossiers and reports past their due
time are counted live (they have no event that would count them), from indexed columns.
"""

from __future__ import annotations

import contextlib
import datetime as dt
import gc
from collections import Counter
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

import numpy as np
from django.db import connection
from django.db.models import Count, Q
from django.utils import timezone

from haicap.metrics.counters import OPEN_STATUSES, _unit_code
from haicap.metrics.models import COUNTERS, Group, Indicator, UnitDay, UnitMonth
from haicap.workdays.calendar import VN

OPEN_DOSSIER = OPEN_STATUSES  # accepted, processing: the clock is running at the administration
OPEN_REPORT = ("forwarded", "accepted", "in_progress", "reopened")


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
            Dossier.objects.filter(
                **in_province, status__in=OPEN_DOSSIER, due_at__gte=since, due_at__lt=until
            )
            .values("competent_unit_id")
            .annotate(n=Count("*"))
            .order_by()
        )
        for row in dossiers:  # grouped by id, named from the (cached) unit codes: no join
            code = _unit_code(row["competent_unit_id"])
            out.setdefault(code, Counter())["overdue"] = row["n"]
    reports = (
        Report.objects.filter(
            **in_province,
            status__in=OPEN_REPORT,
            due_at__gte=period.start_at,
            due_at__lt=until,
        )
        .filter(Q(committed_at__isnull=True) | Q(committed_at__lt=until))
        .values("responsible_unit_code")
        .annotate(n=Count("*"))
        .order_by()
    )
    for line in reports:
        out.setdefault(line["responsible_unit_code"], Counter())["fb_overdue"] = line["n"]
    return out


# --- what each measure computes: (numerator, denominator) or None when nothing to measure ------
Ratio = tuple[float, float] | None


def _ratio(num: float, den: float) -> Ratio:
    return (num, den) if den > 0 else None


def _satisfaction_766(c: Counter[str]) -> Ratio:
    finished, rated = c.get("finished", 0), c.get("rated", 0)
    if not finished or not rated:
        return None
    late = c.get("late", 0) / finished
    unhappy = (rated - c.get("satisfied", 0)) / rated
    return (max(0.0, 1 - late - unhappy), 1.0)


# counters are read with .get(name, 0), not c[name]: Counter's __missing__ is a Python call for
# every absent counter, tens of thousands of times when ranking every commune of the country
MEASURES: dict[str, tuple[str, Callable[[Counter[str]], Ratio]]] = {
    "on_time_rate": (
        "Sớm và đúng hạn ÷ (hoàn thành + quá hạn chưa xong)",
        lambda c: _ratio(c.get("early", 0) + c.get("on_time", 0), c.get("finished", 0) + c.get("overdue", 0)),
    ),
    "online_rate": (
        "Nộp trực tuyến ÷ hồ sơ của thủ tục có DVC trực tuyến",
        lambda c: _ratio(c.get("eligible_online", 0), c.get("eligible", 0)),
    ),
    "e_result_rate": (
        "Trả kết quả trực tuyến ÷ hồ sơ đã trả",
        lambda c: _ratio(c.get("returned_online", 0), c.get("returned", 0)),
    ),
    "feedback_on_time_rate": (
        "Trả lời đúng hạn ÷ (đã trả lời + quá hạn chưa trả lời)",
        lambda c: _ratio(c.get("fb_answered_on_time", 0), c.get("fb_answered", 0) + c.get("fb_overdue", 0)),
    ),
    "feedback_satisfied_rate": (
        "Hài lòng ÷ phản ánh được đánh giá",
        lambda c: _ratio(c.get("fb_satisfied", 0), c.get("fb_rated", 0)),
    ),
    "satisfaction_766": (
        "100% − tỷ lệ trễ hạn − tỷ lệ không hài lòng",
        _satisfaction_766,
    ),
}


def _div(numerator: Any, denominator: Any) -> Any:
    """numerator / denominator where the denominator is positive, else 0 (arrays)."""
    out = np.zeros(np.broadcast(numerator, denominator).shape)
    return np.divide(numerator, denominator, out=out, where=denominator > 0)


def _satisfaction_766_many(c: dict[str, Any]) -> tuple[Any, Any]:
    asked = (c["finished"] > 0) & (c["rated"] > 0)
    rate = np.maximum(
        0.0, 1 - _div(c["late"], c["finished"]) - _div(c["rated"] - c["satisfied"], c["rated"])
    )
    return np.where(asked, rate, 0.0), asked.astype(float)


# MEASURES for many units at once, on columns (numpy arrays): (numerators, denominators), a
# denominator of 0 meaning "not measured". The same formulas as above, operation for operation,
# so that the scores agree to the last bit (tested against MEASURES on random counters).
MANY: dict[str, Callable[[dict[str, Any]], tuple[Any, Any]]] = {
    "on_time_rate": lambda c: (c["early"] + c["on_time"], c["finished"] + c["overdue"]),
    "online_rate": lambda c: (c["eligible_online"], c["eligible"]),
    "e_result_rate": lambda c: (c["returned_online"], c["returned"]),
    "feedback_on_time_rate": lambda c: (
        c["fb_answered_on_time"],
        c["fb_answered"] + c["fb_overdue"],
    ),
    "feedback_satisfied_rate": lambda c: (c["fb_satisfied"], c["fb_rated"]),
    "satisfaction_766": _satisfaction_766_many,
}


@dataclass
class Figure:
    indicator: Indicator
    rate: float | None  # None: not measured
    numerator: float = 0
    denominator: float = 0
    score: float | None = None  # points earned; None when not measured

    @property
    def measured(self) -> bool:
        return self.rate is not None


class UnitIndex:
    """A unit's index for a period. Its figures are made when first asked for: ranking 3,321
    communes needs only their scores."""

    def __init__(
        self,
        unit_code: str,
        counts: Counter[str] | Callable[[], Counter[str]],
        defs: list[Definition],
        ratios: list[Ratio] | None = None,
        points: float = 0.0,
        measured_points: float = 0.0,
    ) -> None:
        self.unit_code = unit_code
        # the counters, or how to make them when first asked for (a ranking needs the scores)
        self._counts = counts
        self.rank: int | None = None
        self._defs, self._ratios = defs, ratios
        self._figures: list[Figure] | None = None
        self.points, self.measured_points = points, measured_points
        self.score = round(100 * points / measured_points, 2) if measured_points else None

    @property
    def counts(self) -> Counter[str]:
        if callable(self._counts):
            self._counts = self._counts()
        return self._counts

    @property
    def figures(self) -> list[Figure]:
        if self._figures is None:
            if self._ratios is None:
                self._ratios = [d.measure(self.counts) if d.measure else None for d in self._defs]
            figures = []
            for d, ratio in zip(self._defs, self._ratios, strict=True):
                if ratio is None:
                    figures.append(d.not_measured)
                else:
                    rate = ratio[0] / ratio[1]
                    score = d.points * min(1.0, rate / d.full_at)
                    figures.append(Figure(d.indicator, rate, ratio[0], ratio[1], score))
            self._figures = figures
        return self._figures

    def groups(self) -> list[dict[str, object]]:
        out = []
        for code, label in Group.choices:
            figures = [f for f in self.figures if f.indicator.group == code]
            measured = [f for f in figures if f.measured]
            out.append(
                {
                    "code": code,
                    "name": str(label),
                    "points": float(sum(Decimal(f.indicator.points) for f in figures)),
                    "measured_points": sum(float(f.indicator.points) for f in measured),
                    "score": round(sum(f.score or 0.0 for f in measured), 2) if measured else None,
                }
            )
        return out

    def rate(self, measure: str) -> float | None:
        ratio = MEASURES[measure][1](self.counts)
        return None if ratio is None else ratio[0] / ratio[1]


@dataclass(frozen=True)
class Definition:
    """An indicator ready for scoring many units: its measure and numbers as plain floats."""

    indicator: Indicator
    measure: Callable[[Counter[str]], Ratio] | None
    points: float
    full_at: float
    not_measured: Figure
    many: Callable[[dict[str, Any]], tuple[Any, Any]] | None = None


def indicators() -> list[Definition]:
    out = []
    for indicator in Indicator.objects.order_by("order"):
        measure = MEASURES.get(indicator.measure)
        out.append(
            Definition(
                indicator,
                measure[1] if measure else None,
                float(indicator.points),
                float(indicator.full_at) or 1.0,
                Figure(indicator, None),
                MANY[indicator.measure] if measure else None,
            )
        )
    return out


def unit_index(unit_code: str, counts: Counter[str], defs: list[Definition]) -> UnitIndex:
    if not counts:  # nothing happened: nothing can be measured
        return UnitIndex(unit_code, counts, defs)
    ratios: list[Ratio] = []
    points = measured = 0.0
    for d in defs:
        ratio = d.measure(counts) if d.measure is not None else None
        ratios.append(ratio)
        if ratio is not None:
            points += d.points * min(1.0, ratio[0] / ratio[1] / d.full_at)
            measured += d.points
    return UnitIndex(unit_code, counts, defs, ratios, points, measured)


def _score_many(
    unit_codes: list[str],
    rows: dict[str, tuple[Any, ...]],
    extras: dict[str, Counter],
    defs: list[Definition],
) -> list[UnitIndex]:
    """unit_index for every unit at once: counters as columns, each measure computed on whole
    columns; each unit's counters are made only if asked for."""
    size = len(unit_codes)
    table = np.zeros((len(NAMES), size))
    for i, code in enumerate(unit_codes):
        row = rows.get(code)
        if row is not None:
            table[:, i] = row
    columns: dict[str, Any] = dict(zip(NAMES, table, strict=True))
    columns["fb_overdue"] = np.zeros(size)
    place = {code: i for i, code in enumerate(unit_codes)}
    for code, extra in extras.items():
        if code in place:
            for name, value in extra.items():
                columns[name][place[code]] += value
    points, measured = np.zeros(size), np.zeros(size)
    for d in defs:
        if d.many is None:
            continue
        numerators, denominators = d.many(columns)
        asked = denominators > 0
        earned = d.points * np.minimum(1.0, _div(numerators, denominators) / d.full_at)
        points = np.where(asked, points + earned, points)
        measured = np.where(asked, measured + d.points, measured)

    def counts_of(code: str) -> Callable[[], Counter[str]]:
        def make() -> Counter[str]:
            row = rows.get(code)
            counts = _counter(row) if row is not None else Counter()
            counts.update(extras.get(code, {}))
            return counts

        return make

    return [
        UnitIndex(code, counts_of(code), defs, None, float(p), float(m))
        for code, p, m in zip(unit_codes, points.tolist(), measured.tolist(), strict=True)
    ]


@contextlib.contextmanager
def _no_cycle_collection() -> Iterator[None]:
    """Ranking the country makes some 60,000 small objects and no reference cycles; the cycle
    collector would run about 80 times meanwhile, at times over the whole heap (a fifth of the
    ranking's time, measured). Paused for the ranking only; reference counting still frees."""
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


def province_index(
    province_code: str | None,
    period: Period,
    unit_codes: list[str],
    *,
    as_of: dt.datetime | None = None,
) -> tuple[UnitIndex, list[UnitIndex]]:
    """The province (None: the country) as a whole, and each of `unit_codes` ranked by score
    (units with nothing measured come last, unranked)."""
    with _no_cycle_collection():
        return _province_index(province_code, period, unit_codes, as_of or timezone.now())


def _province_index(
    province_code: str | None, period: Period, unit_codes: list[str], as_of: dt.datetime
) -> tuple[UnitIndex, list[UnitIndex]]:
    rows = _period_rows(province_code, period, as_of)
    # the whole: each counter's column summed (3,321 rows: far cheaper than adding Counters)
    sums = [sum(column) for column in zip(*(row[1:] for row in rows), strict=True)]
    total = _counter(tuple(sums)) if rows else Counter()
    extras = overdue_open(province_code, period, as_of)
    for extra in extras.values():
        total.update(extra)
    defs = indicators()
    units = _score_many(unit_codes, {row[0]: row[1:] for row in rows}, extras, defs)
    scored = sorted(
        (u for u in units if u.score is not None), key=lambda u: (-(u.score or 0), u.unit_code)
    )
    for rank, ranked in enumerate(scored, start=1):
        ranked.rank = rank
    unscored = [u for u in units if u.score is None]
    return unit_index(province_code or "", total, defs), scored + unscored
