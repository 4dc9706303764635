"""`{{ today|date_line:place }}` in the official forms' templates (see core.dateline)."""

from __future__ import annotations

import datetime as dt

from django import template

from haicap.core.dateline import date_line as _date_line

register = template.Library()


@register.filter
def date_line(day: dt.date | None, place: str = "") -> str:
    return _date_line(place or "", day) if day else ""
