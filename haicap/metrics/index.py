"""The service index of Decision 766 per unit and period, from the counters.

A period is read from month rows for the whole months in it and day rows for the rest, so a
quarter for all 3,321 communes reads about 10,000 rows. Open dossiers and reports past their due
time are counted live (they have no event that would count them), from indexed columns.
"""

from __future__ import annotations

import datetime as dt
from collections import Counter
from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from typing import Any

from django.db.models import Count, Q, Sum
from django.utils import timezone

from haicap.metrics.counters import _unit_code
from haicap.metrics.models import COUNTERS, Group, Indicator, UnitDay, UnitMonth
from haicap.workdays.calendar import VN

OPEN_DOSSIER = (2, 4)  # accepted, processing: the clock is running at the administration
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


def period_counts(province_code: str | None, period: Period) -> dict[str, Counter[str]]:
    """The counters of every unit of a province (or of the country) summed over the period."""
    months, ranges = period.split()
    sums = {c: Sum(c) for c in COUNTERS}
    out: dict[str, Counter[str]] = {}
    queries: list[Any] = []
    if months:
        queries.append(UnitMonth.objects.filter(month__in=months))
    if ranges:
        days = Q()
        for first, last in ranges:
            days |= Q(day__gte=first, day__lte=last)
        queries.append(UnitDay.objects.filter(days))
    if province_code:
        queries = [q.filter(province_code=province_code) for q in queries]
    for query in queries:
        for row in query.values("unit_code").annotate(**sums).order_by():
            counter = out.setdefault(row["unit_code"], Counter())
            counter.update({k: v for k, v in row.items() if v and k != "unit_code"})
    return out


def overdue_open(
    province_code: str | None, period: Period, as_of: dt.datetime
) -> dict[str, Counter]:
    """Open dossiers and reports whose due time fell in the period and has passed by `as_of`:
    they count as due, and not done, in the period."""
    from haicap.dossiers.models import Dossier
    from haicap.feedback.models import Report

    until = min(period.end_at, as_of)
    out: dict[str, Counter] = {}
    in_province = {"province_code": province_code} if province_code else {}
    dossiers = (
        Dossier.objects.filter(
            **in_province,
            status__in=OPEN_DOSSIER,
            due_at__gte=period.start_at,
            due_at__lt=until,
        )
        .values("competent_unit_id")
        .annotate(n=Count("id"))
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
        .annotate(n=Count("id"))
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
    if not c["finished"] or not c["rated"]:
        return None
    late = c["late"] / c["finished"]
    unhappy = (c["rated"] - c["satisfied"]) / c["rated"]
    return (max(0.0, 1 - late - unhappy), 1.0)


MEASURES: dict[str, tuple[str, Callable[[Counter[str]], Ratio]]] = {
    "on_time_rate": (
        "Sớm và đúng hạn ÷ (hoàn thành + quá hạn chưa xong)",
        lambda c: _ratio(c["early"] + c["on_time"], c["finished"] + c["overdue"]),
    ),
    "online_rate": (
        "Nộp trực tuyến ÷ hồ sơ của thủ tục có DVC trực tuyến",
        lambda c: _ratio(c["eligible_online"], c["eligible"]),
    ),
    "e_result_rate": (
        "Trả kết quả trực tuyến ÷ hồ sơ đã trả",
        lambda c: _ratio(c["returned_online"], c["returned"]),
    ),
    "feedback_on_time_rate": (
        "Trả lời đúng hạn ÷ (đã trả lời + quá hạn chưa trả lời)",
        lambda c: _ratio(c["fb_answered_on_time"], c["fb_answered"] + c["fb_overdue"]),
    ),
    "feedback_satisfied_rate": (
        "Hài lòng ÷ phản ánh được đánh giá",
        lambda c: _ratio(c["fb_satisfied"], c["fb_rated"]),
    ),
    "satisfaction_766": (
        "100% − tỷ lệ trễ hạn − tỷ lệ không hài lòng",
        _satisfaction_766,
    ),
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
        counts: Counter[str],
        defs: list[Definition],
        ratios: list[Ratio] | None = None,
        points: float = 0.0,
        measured_points: float = 0.0,
    ) -> None:
        self.unit_code, self.counts = unit_code, counts
        self.rank: int | None = None
        self._defs, self._ratios = defs, ratios
        self._figures: list[Figure] | None = None
        self.points, self.measured_points = points, measured_points
        self.score = round(100 * points / measured_points, 2) if measured_points else None

    @property
    def figures(self) -> list[Figure]:
        if self._figures is None:
            figures = []
            for d, ratio in zip(self._defs, self._ratios or [None] * len(self._defs), strict=True):
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


def province_index(
    province_code: str | None,
    period: Period,
    unit_codes: list[str],
    *,
    as_of: dt.datetime | None = None,
) -> tuple[UnitIndex, list[UnitIndex]]:
    """The province (None: the country) as a whole, and each of `unit_codes` ranked by score
    (units with nothing measured come last, unranked)."""
    as_of = as_of or timezone.now()
    counts = period_counts(province_code, period)
    for unit, extra in overdue_open(province_code, period, as_of).items():
        counts.setdefault(unit, Counter()).update(extra)
    defs = indicators()
    total: Counter[str] = Counter()
    for counter in counts.values():
        total.update(counter)
    units = [unit_index(code, counts.get(code, Counter()), defs) for code in unit_codes]
    scored = sorted(
        (u for u in units if u.score is not None), key=lambda u: (-(u.score or 0), u.unit_code)
    )
    for rank, ranked in enumerate(scored, start=1):
        ranked.rank = rank
    unscored = [u for u in units if u.score is None]
    return unit_index(province_code or "", total, defs), scored + unscored
