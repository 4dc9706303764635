"""Audit actions and permissions of the working-day calendar (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

from haicap.core.registry import AuditActions, Permissions


class CalendarAudit(AuditActions):
    CHANGED = 300, _("Sửa lịch làm việc")


class CalendarPerm(Permissions):
    MANAGE = "workdays.manage", _("Sửa lịch ngày nghỉ, ngày làm bù")


# MANAGE: system administrators only (the calendar is national)
