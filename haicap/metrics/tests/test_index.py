"""The index from counters: periods, scores with thresholds, "not measured" left out (never
0), ranking, overdue dossiers counted as due."""

from __future__ import annotations

import datetime as dt
from collections import Counter

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from haicap.metrics.index import (
    Period,
    _score_many,
    indicators,
    province_index,
    unit_index,
)
from haicap.metrics.models import COUNTERS, UnitDay
from haicap.metrics.periods import EVENT_COUNTERS

A, B, EMPTY = "26734", "26737", "26740"
DAY = dt.date(2025, 8, 5)
PERIOD = Period(dt.date(2025, 8, 1), dt.date(2025, 8, 31))


def test_a_period_reads_whole_months_and_the_days_around_them() -> None:
    months, ranges = Period(dt.date(2025, 7, 15), dt.date(2025, 10, 10)).split()
    assert months == [dt.date(2025, 8, 1), dt.date(2025, 9, 1)]
    assert ranges == [
        (dt.date(2025, 7, 15), dt.date(2025, 7, 31)),
        (dt.date(2025, 10, 1), dt.date(2025, 10, 10)),
    ]
    assert Period(dt.date(2025, 8, 1), dt.date(2025, 8, 31)).split() == ([dt.date(2025, 8, 1)], [])
    with pytest.raises(ValueError):
        Period(dt.date(2025, 8, 2), dt.date(2025, 8, 1))


def _day(unit: str, **counts: int) -> None:
    row = UnitDay(province_code="79", unit_code=unit, day=DAY)
    for name in COUNTERS:
        setattr(row, name, counts.get(name, 0))
    row.save()
    # the month row too, as the incremental path keeps it
    from haicap.metrics.models import UnitMonth

    month = UnitMonth(province_code="79", unit_code=unit, month=DAY.replace(day=1))
    for name in COUNTERS:
        setattr(month, name, counts.get(name, 0))
    month.save()


DOSSIERS = dict(
    received=100, online=60, eligible=100, eligible_online=60, finished=100, early=90,
    on_time=8, late=2, returned=100, returned_online=40, rated=50, satisfied=45,
)  # fmt: skip


@pytest.mark.django_db
def test_scores_follow_thresholds_and_leave_out_what_is_not_measured() -> None:
    _day(A, **DOSSIERS, fb_received=10, fb_answered=10, fb_answered_on_time=9, fb_rated=10,
         fb_satisfied=8)  # fmt: skip
    _day(B, **DOSSIERS)  # no feedback at all: those two indicators are not measured
    total, units = province_index(
        "79", PERIOD, [A, B, EMPTY], as_of=dt.datetime(2026, 1, 1, tzinfo=dt.UTC)
    )
    by_code = {u.unit_code: u for u in units}
    a, b, empty = by_code[A], by_code[B], by_code[EMPTY]
    scores = {f.indicator.code: f.score for f in a.figures}
    assert scores["progress"] == pytest.approx(0.98 * 20)
    assert scores["online_share"] == pytest.approx(12)  # 60% online: full points from 50%
    assert scores["electronic_results"] == pytest.approx(6 * 0.4 / 0.8)
    assert scores["dossier_satisfaction"] == pytest.approx(6 * (1 - 0.02 - 0.1) / 0.9)
    assert scores["feedback_on_time"] == pytest.approx(6 * 0.9)
    assert scores["feedback_satisfaction"] == pytest.approx(6 * 0.8 / 0.9)
    assert scores["synced_to_portal"] is None and scores["online_payment"] is None
    assert a.measured_points == 56
    assert a.score == pytest.approx(round(100 * sum(v for v in scores.values() if v) / 56, 2))
    b_scores = {f.indicator.code: f.score for f in b.figures}
    assert b_scores["feedback_on_time"] is None and b_scores["feedback_satisfaction"] is None
    assert b.measured_points == 44  # not 56 with zeros: B is not punished for having no reports
    assert b.score is not None and b.score > a.score
    assert [u.unit_code for u in units] == [B, A, EMPTY]
    assert (b.rank, a.rank, empty.rank, empty.score) == (1, 2, None, None)
    groups = {g["code"]: g for g in a.groups()}
    assert groups["transparency"]["score"] is None and groups["progress"]["points"] == 20
    assert total.counts["received"] == 200


@pytest.mark.django_db
def test_an_open_dossier_past_its_due_time_counts_as_due_and_not_done(
    counter_officer,
    ben_thanh,  # type: ignore[no-untyped-def]
) -> None:
    from haicap.dossiers.models import Dossier
    from haicap.dossiers.services import Intake, dossier_intake
    from haicap.dossiers.validation import Applicant
    from haicap.procedures.models import Procedure
    from haicap.workdays.calendar import VN

    procedure = Procedure.objects.filter(level_codes__contains="commune").order_by("code").first()
    assert procedure is not None
    applicant = Applicant.clean(
        name="Lê Văn Tám", id_number="079090001234", phone_number="0903123456",
        address="12 Lê Lợi, Phường Bến Thành",
    )  # fmt: skip
    received = dt.datetime(2025, 8, 4, 9, 0, tzinfo=VN)
    dossier = dossier_intake(
        Intake(procedure, ben_thanh, applicant), actor=counter_officer, now=received
    )
    assert dossier.due_at is not None
    before_due = dossier.due_at - dt.timedelta(hours=1)
    after_due = dossier.due_at + dt.timedelta(days=1)
    period = Period(received.date(), after_due.date())
    _, units = province_index("79", period, [ben_thanh.code], as_of=before_due)
    progress = next(f for f in units[0].figures if f.indicator.code == "progress")
    assert not progress.measured  # nothing due yet: not measured, not 0
    _, units = province_index("79", period, [ben_thanh.code], as_of=after_due)
    progress = next(f for f in units[0].figures if f.indicator.code == "progress")
    assert progress.measured and progress.rate == 0 and progress.score == 0
    assert units[0].counts["overdue"] == 1
    # the days before today come from the counters (open_due on the due day); earlier today
    # from the dossier table: an hour after the due time, the same day, it is overdue already
    _, units = province_index(
        "79", period, [ben_thanh.code], as_of=dossier.due_at + dt.timedelta(hours=1)
    )
    assert units[0].counts["overdue"] == 1
    assert Dossier.objects.count() == 1


_counts = st.fixed_dictionaries(
    {name: st.integers(0, 50) for name in (*EVENT_COUNTERS, "overdue")},
    optional={"fb_overdue": st.integers(0, 5)},
)


@pytest.mark.django_db
@settings(max_examples=300, deadline=None)
@given(units=st.lists(_counts, min_size=1, max_size=12))
def test_scoring_many_units_at_once_gives_each_units_own_scores_to_the_last_bit(
    units: list[dict[str, int]],
) -> None:
    """The ranking scores all units with the measures' column forms (MANY); one unit's page
    uses MEASURES. Both must give the same points, measured points and score."""
    defs = indicators()
    codes = [f"{i:05d}" for i in range(len(units))]
    rows = {
        code: tuple(c[name] for name in (*EVENT_COUNTERS, "overdue"))
        for code, c in zip(codes, units, strict=True)
    }
    extras = {
        code: Counter({"fb_overdue": c["fb_overdue"]})
        for code, c in zip(codes, units, strict=True)
        if c.get("fb_overdue")
    }
    many = _score_many(codes, rows, extras, defs)
    for code, c, fast in zip(codes, units, many, strict=True):
        one = unit_index(code, Counter({k: v for k, v in c.items() if v}), defs)
        assert (fast.points, fast.measured_points, fast.score) == (
            one.points,
            one.measured_points,
            one.score,
        )
        assert [f.rate for f in fast.figures] == [f.rate for f in one.figures]
