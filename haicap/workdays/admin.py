"""Swap days in the Django admin, saved through the audited service."""

from __future__ import annotations

from typing import Any

from django.contrib import admin, messages
from django.http import HttpRequest

from haicap.core.errors import ApplicationError
from haicap.workdays.models import CalendarDay
from haicap.workdays.services import calendar_day_delete, calendar_day_set


@admin.register(CalendarDay)
class CalendarDayAdmin(admin.ModelAdmin):
    list_display = ["date", "kind", "note", "updated_at"]
    list_filter = ["kind"]
    date_hierarchy = "date"

    def save_model(self, request: HttpRequest, obj: CalendarDay, form: Any, change: bool) -> None:
        try:
            saved = calendar_day_set(
                date=obj.date, kind=obj.kind, note=obj.note, actor=request.user
            )
        except ApplicationError as exc:
            self.message_user(request, exc.message, messages.ERROR)
            return
        obj.pk = saved.pk

    def delete_model(self, request: HttpRequest, obj: CalendarDay) -> None:
        calendar_day_delete(day=obj, actor=request.user)
