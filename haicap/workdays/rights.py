"""Audit actions and permissions of the working-day calendar (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

from haicap.core.audit_words import audit_words, names_by
from haicap.core.registry import AuditActions, Permissions


class CalendarAudit(AuditActions):
    CHANGED = 300, _("Sửa lịch làm việc")


class CalendarPerm(Permissions):
    MANAGE = "workdays.manage", _("Sửa lịch ngày nghỉ, ngày làm bù")


# MANAGE: system administrators only (the calendar is national)

def _day_kind(value: str) -> str:
    from haicap.workdays.models import CalendarDay

    return str(CalendarDay.Kind(value).label)


# how the audit log names a calendar day and its kinds (core.audit_words)
audit_words(
    "workdays.calendarday",
    noun=_("Ngày"),
    names=names_by("workdays.calendarday", show=lambda day: f"{day.date:%d/%m/%Y}"),
    states=_day_kind,
)
