"""Editing swap days: administrators only, audited."""

from __future__ import annotations

import datetime as dt

from django.db import transaction

from haicap.core.audit import audit_record
from haicap.core.permissions import Actor, require_permission
from haicap.workdays.models import CalendarDay
from haicap.workdays.rights import CalendarAudit, CalendarPerm
from haicap.workdays.selectors import reset_calendar


@transaction.atomic
def calendar_day_set(*, date: dt.date, kind: str, note: str, actor: Actor) -> CalendarDay:
    require_permission(actor, CalendarPerm.MANAGE)
    day, created = CalendarDay.objects.get_or_create(
        date=date, defaults={"kind": kind, "note": note}
    )
    before = "" if created else day.kind
    day.kind, day.note = kind, note
    day.full_clean()
    day.save()
    audit_record(
        actor=actor,
        action=CalendarAudit.CHANGED,
        obj=day,
        from_state=before,
        to_state=kind,
        note=f"{date:%d/%m/%Y}: {note}",
    )
    transaction.on_commit(reset_calendar)
    return day


@transaction.atomic
def calendar_day_delete(*, day: CalendarDay, actor: Actor) -> None:
    require_permission(actor, CalendarPerm.MANAGE)
    audit_record(
        actor=actor,
        action=CalendarAudit.CHANGED,
        obj=day,
        from_state=day.kind,
        note=f"{day.date:%d/%m/%Y}: xoá",
    )
    day.delete()
    transaction.on_commit(reset_calendar)
