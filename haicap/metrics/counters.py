"""What each dossier and report adds to its unit's counters, and keeping them current.

A dossier counts at its competent unit (the one that processes it):
- on the day it is received: `received`, `online` (filed online), `eligible` / `eligible_online`
  (its procedure had an online service when it came in);
- on the day processing finished: `finished`, `early` / `on_time` / `late`, `apologized`, and
  `processing_seconds` from receipt to completion;
- on the day of return: `returned`, `returned_online` (electronic result: returned online, or
  with the PDF result attached that the citizen downloads, `dossiers.results`);
- on the day of the citizen's rating: `rated`, `satisfied`;
- on the day its fee was paid: `fee_paid`, and `fee_paid_online` when paid by bank transfer;
- while it is open (accepted or processing), on the day it is due: `open_due`. This one is a
  state, not an event: it leaves the day when the dossier closes or its due date moves. The
  open dossiers already past due in a period are the `open_due` of its days before today.
A report counts at its responsible unit: `fb_received` on the day filed, `fb_answered` and
`fb_answered_on_time` on the day answered, `fb_rated` / `fb_satisfied` on the day closed.
Days are Vietnamese calendar days.

On every change the difference between the record's counts before and after is added to the
day and month rows (one upsert each). `rebuild.py` computes the same counts from the tables.
"""

from __future__ import annotations

import datetime as dt
import functools
import json
from collections import Counter, defaultdict
from typing import Any

import psycopg
from django.db import connection

from haicap.dossiers.deadlines import CLOCK_RUNNING, clock_running
from haicap.feedback.deadlines import answered_on_time
from haicap.metrics.models import COUNTERS, UnitDay, UnitMonth
from haicap.workdays.calendar import VN

Key = tuple[str, str, dt.date]  # province, unit code, day
Counts = dict[Key, Counter[str]]

OPEN_STATUSES = tuple(sorted(CLOCK_RUNNING))  # the dossiers whose clock runs (dossiers.deadlines)
_unit_codes: dict[int, str] = {}


def _unit_code(unit_id: int) -> str:
    code = _unit_codes.get(unit_id)
    if code is None:
        from haicap.units.models import Unit

        code = _unit_codes[unit_id] = Unit.objects.values_list("code", flat=True).get(pk=unit_id)
    return code


def day_of(moment: dt.datetime) -> dt.date:
    return moment.astimezone(VN).date()


def epoch(moment: dt.datetime) -> int:
    """Whole seconds since 1970 (what both databases compute in the rebuild)."""
    return int(moment.timestamp() // 1)


def dossier_items(d: Any) -> list[tuple[Key, str, int]]:
    """(unit and day, counter, amount) for everything a dossier counts for."""
    if d is None:
        return []
    province, unit = d.province_code, _unit_code(d.competent_unit_id)
    out: list[tuple[Key, str, int]] = []
    if d.received_at is not None:
        key = (province, unit, day_of(d.received_at))
        out.append((key, "received", 1))
        online = d.channel == "online"
        if online:
            out.append((key, "online", 1))
        if d.online_level != "none":
            out.append((key, "eligible", 1))
            if online:
                out.append((key, "eligible_online", 1))
    if d.outcome and d.finished_at is not None:
        key = (province, unit, day_of(d.finished_at))
        out.append((key, "finished", 1))
        out.append((key, d.outcome, 1))
        if d.apologized:
            out.append((key, "apologized", 1))
        if d.received_at is not None:
            out.append((key, "processing_seconds", epoch(d.finished_at) - epoch(d.received_at)))
    if d.returned_at is not None:
        key = (province, unit, day_of(d.returned_at))
        out.append((key, "returned", 1))
        if electronic_result(d):
            out.append((key, "returned_online", 1))
    if d.rated_at is not None and d.rating_satisfied is not None:
        key = (province, unit, day_of(d.rated_at))
        out.append((key, "rated", 1))
        if d.rating_satisfied:
            out.append((key, "satisfied", 1))
    if d.paid_at is not None and d.fee_vnd:
        key = (province, unit, day_of(d.paid_at))
        out.append((key, "fee_paid", 1))
        if d.paid_via == "transfer":
            out.append((key, "fee_paid_online", 1))
    if clock_running(d):
        out.append(((province, unit, day_of(d.due_at)), "open_due", 1))
    return out


def electronic_result(d: Any) -> bool:
    """The index's electronic result: returned online, or with the electronic result attached
    (`rebuild.ELECTRONIC_RESULT_Q` is the same rule as a query)."""
    return d.return_method == "online" or getattr(d, "result_at", None) is not None


def _counts(items: list[tuple[Key, str, int]]) -> Counts:
    out: Counts = defaultdict(Counter)
    for key, name, amount in items:
        out[key][name] += amount
    return out


def dossier_counts(d: Any) -> Counts:
    return _counts(dossier_items(d))


def report_counts(r: Any) -> Counts:
    out: Counts = defaultdict(Counter)
    if r is None or not r.responsible_unit_code:
        return out
    province, unit = r.province_code, r.responsible_unit_code
    out[province, unit, day_of(r.created_at)]["fb_received"] += 1
    if r.answered_at is not None:
        c = out[province, unit, day_of(r.answered_at)]
        c["fb_answered"] += 1
        c["fb_answered_on_time"] += answered_on_time(r)
    if r.closed_at is not None and r.rating_satisfied is not None:
        c = out[province, unit, day_of(r.closed_at)]
        c["fb_rated"] += 1
        c["fb_satisfied"] += bool(r.rating_satisfied)
    return out


def difference(before: Counts, after: Counts) -> Counts:
    delta: Counts = defaultdict(Counter)
    for key in before.keys() | after.keys():
        change = Counter(after.get(key, Counter()))
        change.subtract(before.get(key, Counter()))
        change = Counter({k: v for k, v in change.items() if v})
        if change:
            delta[key] = change
    return delta


def _upsert_sql(model: type[UnitDay] | type[UnitMonth], period: str, rows: int) -> str:
    table = model._meta.db_table
    columns = ["province_code", "unit_code", period, *COUNTERS]
    values = ", ".join(["(" + ", ".join(["%s"] * len(columns)) + ")"] * rows)
    updates = ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in COUNTERS)
    return (
        f"INSERT INTO {table} ({', '.join(columns)}) VALUES {values} "
        f"ON CONFLICT (unit_code, {period}, province_code) DO UPDATE SET {updates}"
    )


LOCK_SPACE = 766_0000  # advisory lock keys: this + the province code


@functools.cache
def _pg_apply_sql(exclusive: bool) -> str:
    """PostgreSQL: the province locks, the day rows and the month rows in one statement with one
    parameter (the day rows as JSON; the month rows are summed from them), planned once per
    connection and one round trip. The locks come first (both inserts read them), then the day
    rows, then the month rows (they wait for the days), each in key order, so that concurrent
    writers never deadlock."""
    lock = "pg_advisory_xact_lock" if exclusive else "pg_advisory_xact_lock_shared"
    day, month = UnitDay._meta.db_table, UnitMonth._meta.db_table
    names = ", ".join(COUNTERS)
    sums = ", ".join(f"sum(r.{c})" for c in COUNTERS)
    picks = ", ".join(f"r.{c}" for c in COUNTERS)

    def updates(table: str) -> str:
        return ", ".join(f"{c} = {table}.{c} + excluded.{c}" for c in COUNTERS)

    return f"""
WITH r AS (SELECT * FROM jsonb_populate_recordset(NULL::{day}, %s::jsonb)),
locks AS (
  SELECT count(*) AS n FROM (
    SELECT {lock}({LOCK_SPACE} + p.code::int)
    FROM (SELECT DISTINCT province_code AS code FROM r) p ORDER BY p.code OFFSET 0
  ) taken
), d AS (
  INSERT INTO {day} (province_code, unit_code, day, {names})
  SELECT r.province_code, r.unit_code, r.day, {picks} FROM r, locks
  ORDER BY r.unit_code, r.day
  ON CONFLICT (unit_code, day, province_code) DO UPDATE SET {updates(day)}
  RETURNING 1
)
INSERT INTO {month} (province_code, unit_code, month, {names})
SELECT r.province_code, r.unit_code, date_trunc('month', r.day)::date, {sums}
FROM r, locks, (SELECT count(*) FROM d) AS days_done
GROUP BY 1, 2, 3 ORDER BY 2, 3
ON CONFLICT (unit_code, month, province_code) DO UPDATE SET {updates(month)}"""


def apply(delta: Counts, *, exclusive: bool = False) -> None:
    """Add `delta` to the day and month rows (in the caller's transaction).

    On PostgreSQL each province's counters are guarded by a transaction-level advisory lock:
    shared for a single record's change, exclusive for a bulk load. A bulk load upserts more
    than once per transaction; without the lock it could deadlock with another writer."""
    if not delta:
        return
    if connection.vendor == "postgresql":
        rows = [
            {"province_code": province, "unit_code": unit, "day": day.isoformat()}
            | {c: change.get(c, 0) for c in COUNTERS}
            for (province, unit, day), change in delta.items()
        ]
        connection.ensure_connection()
        with connection.wrap_database_errors, psycopg.Cursor(connection.connection) as cursor:
            # server-side binding, prepared: planned once per connection
            cursor.execute(_pg_apply_sql(exclusive), [json.dumps(rows)], prepare=True)
        return
    months: Counts = defaultdict(Counter)
    for (province, unit, day), change in delta.items():
        months[province, unit, day.replace(day=1)].update(change)
    with connection.cursor() as cursor:
        for model, period, keyed in (
            (UnitDay, "day", delta),
            (UnitMonth, "month", months),
        ):
            params: list[Any] = []
            for (province, unit, day), change in sorted(keyed.items()):
                params += [province, unit, day, *(change.get(c, 0) for c in COUNTERS)]
            cursor.execute(_upsert_sql(model, period, len(keyed)), params)


def on_dossier_changed(sender: Any, before: Any, after: Any, **kwargs: Any) -> None:
    apply(difference(dossier_counts(before), dossier_counts(after)))


def on_report_changed(sender: Any, before: Any, after: Any, **kwargs: Any) -> None:
    apply(difference(report_counts(before), report_counts(after)))


def on_dossiers_loaded(sender: Any, dossiers: list[Any], **kwargs: Any) -> None:
    items: list[tuple[Key, str, int]] = []
    for dossier in dossiers:
        items += dossier_items(dossier)
    apply(_counts(items), exclusive=True)


def on_reports_loaded(sender: Any, reports: list[Any], **kwargs: Any) -> None:
    total: Counts = defaultdict(Counter)
    for report in reports:
        for key, change in report_counts(report).items():
            total[key].update(change)
    apply(total, exclusive=True)
