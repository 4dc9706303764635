"""`{% load haicap_format %}`: counts, percentages, money, durations and areas as people read
them in the active language (the functions of `core.formatting`, ADR 17).

    {{ n|count }}             10.240            {{ share|pct }}      84,4%  (a ratio, 0.844)
    {{ score|pct:100 }}       84,4%  (a percentage already)
    {{ fee|vnd }}             50.000 đồng       {{ avg|days }}       5,8 ngày
    {{ t|duration:"hours" }}  2 giờ             {{ x|decimal:2 }}    1.234,57 ("-2": 12 or 12,25)
    {{ a|area }}              6.772,59 km²      {{ v|plain }}        80,5  (a form's value=)
    {{ s.time_value|time_limit:s.time_unit }}  15 ngày làm việc, 8 giờ làm việc

A number that is an identifier (a pk in a URL, a year, a code) is no quantity: write it with
Django's `{{ pk|unlocalize }}` (`{% load l10n %}`), never with these.
"""

from __future__ import annotations

from typing import Any

from django import template

from haicap.core import formatting

register = template.Library()


@register.filter
def count(value: Any) -> str:
    return formatting.count(value)


@register.filter
def pct(value: Any, scale: Any = 1) -> str:
    return formatting.pct(value, scale)


@register.filter
def vnd(value: Any) -> str:
    return formatting.vnd(value)


@register.filter
def days(value: Any, places: Any = 1) -> str:
    return formatting.days(value, int(places))


@register.filter
def duration(value: Any, unit: str = "days") -> str:
    return formatting.duration(value, unit)


@register.filter
def time_limit(value: Any, unit: str) -> str:
    return formatting.time_limit(value, unit)


@register.filter
def decimal(value: Any, places: Any = 1) -> str:
    """``n`` decimals; ``-n`` (as floatformat) drops a zero fraction: 12 but 12,25."""
    places = int(places)
    return formatting.decimal(value, abs(places), trim=places < 0)


@register.filter
def area(value: Any) -> str:
    return formatting.area(value)


@register.filter
def plain(value: Any) -> str:
    return formatting.plain(value)
