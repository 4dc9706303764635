"""The service index of Decision 766 per unit and period, from the counters of the period
(metrics.periods) and the measures of its indicators (metrics.measures): scores with thresholds,
"not measured" left out (never 0), and the ranking.
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
from django.conf import settings
from django.utils import timezone

from haicap.metrics.measures import MANY, MEASURES, Ratio, _div, measured_by
from haicap.metrics.models import Group, Indicator
from haicap.metrics.periods import NAMES, Period, _counter, _period_rows, overdue_open
from haicap.metrics.periods import period_counts as period_counts  # read from here too


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


def min_dossiers() -> int:
    """The fewest dossiers a commune needs in a period to be ranked (HAICAP_INDEX_MIN_DOSSIERS)."""
    return max(0, int(getattr(settings, "HAICAP_INDEX_MIN_DOSSIERS", 20)))


def volume_of(counts: Counter[str]) -> int:
    """The dossiers a unit had in a period: received or finished there, whichever is more."""
    return int(max(counts.get("received", 0), counts.get("finished", 0)))


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
        volume: int | None = None,
    ) -> None:
        self.unit_code = unit_code
        # the counters, or how to make them when first asked for (a ranking needs the scores)
        self._counts = counts
        self.rank: int | None = None
        self._defs, self._ratios = defs, ratios
        self._figures: list[Figure] | None = None
        self.points, self.measured_points = points, measured_points
        self.score = round(100 * points / measured_points, 2) if measured_points else None
        # too few dossiers: the score is shown but the unit is "chưa đủ dữ liệu", not ranked
        self.volume = volume_of(self.counts) if volume is None else volume
        self.enough = self.volume >= min_dossiers()

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

    def groups(self) -> list[dict[str, Any]]:
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
                    # what the card says it leaves out, and what would measure each
                    "unmeasured": [
                        {
                            "name": f.indicator.name,
                            "points": float(f.indicator.points),
                            "needs": measured_by(f.indicator),
                        }
                        for f in figures
                        if not f.measured
                    ],
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
    volumes = np.maximum(columns["received"], columns["finished"])
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
        UnitIndex(code, counts_of(code), defs, None, float(p), float(m), int(v))
        for code, p, m, v in zip(
            unit_codes, points.tolist(), measured.tolist(), volumes.tolist(), strict=True
        )
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
    """The province (None: the country) as a whole, and each of `unit_codes` ranked by score;
    then, unranked, the units with too few dossiers (`min_dossiers`, by score) and those with
    nothing measured."""
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
    ranked = [u for u in scored if u.enough]
    for rank, unit in enumerate(ranked, start=1):
        unit.rank = rank
    few = [u for u in scored if not u.enough]
    unscored = [u for u in units if u.score is None]
    return unit_index(province_code or "", total, defs), ranked + few + unscored
