"""One definition of each fact about a report's time, for every reader: the officers' queue,
escalation, the public page, the service index's counters and rebuild, and the simulator.

A routed report is due `sla_working_days` after it reached the unit (`due_at`). A progress update
may commit to a later date (`committed_at`): the report's deadline is then the later of the two.
It is overdue while at a unit past its deadline, and it was answered on time when answered by then
(a report with no due date, still at the dispatcher, cannot be late).
"""

from __future__ import annotations

import datetime as dt
from typing import Any

from django.db.models import F, Q

from haicap.feedback.models import ReportStatus as S

# at a unit, with a due date: the statuses the partial index `report_open_due` covers
CLOCK_RUNNING: tuple[str, ...] = (S.FORWARDED, S.ACCEPTED, S.IN_PROGRESS, S.REOPENED)


def deadline(r: Any) -> dt.datetime | None:
    if r.due_at is None:
        return None
    return max(r.due_at, r.committed_at or r.due_at)


def is_overdue(r: Any, now: dt.datetime) -> bool:
    due = deadline(r)
    return r.status in CLOCK_RUNNING and due is not None and due < now


def answered_on_time(r: Any, answered_at: dt.datetime | None = None) -> bool:
    due = deadline(r)
    answered_at = answered_at or r.answered_at
    return bool(due is None or answered_at <= due)


def overdue_q(until: dt.datetime, *, since: dt.datetime | None = None) -> Q:
    """Open reports whose deadline passed before `until` (with `since`: due from then on)."""
    q = Q(status__in=[str(s) for s in CLOCK_RUNNING], due_at__lt=until) & (
        Q(committed_at__isnull=True) | Q(committed_at__lt=until)
    )
    return q & Q(due_at__gte=since) if since is not None else q


def answered_on_time_q() -> Q:
    return (
        Q(due_at__isnull=True)
        | (Q(committed_at__isnull=True) & Q(answered_at__lte=F("due_at")))
        | (
            Q(committed_at__isnull=False)
            & (Q(answered_at__lte=F("due_at")) | Q(answered_at__lte=F("committed_at")))
        )
    )
