"""Numbers as people read them, in the active language: the one place that says how a count, a
percentage, money, a duration or an area is written (ADR 17).

vi: ``10.240`` · ``84,4%`` · ``50.000 đồng`` · ``5,8 ngày`` · ``6.772,59 km²``
en: ``10,240`` · ``84.4%`` · ``50,000 VND`` · ``5.8 days`` · ``6,772.59 km²``

The template filters in ``core/templatetags/haicap_format.py`` are these functions; code that
builds text outside a template (PDF context, messages, an export's title) calls them directly.
A missing value (``None``, ``""``) is written as ``—`` everywhere, never as "None" or "0".
Sheets are different: their cells hold the numbers themselves (``core.exports``).
"""

from __future__ import annotations

import re
from decimal import ROUND_HALF_UP, Decimal, InvalidOperation
from functools import lru_cache
from typing import Any

from django.utils.formats import get_format, number_format
from django.utils.translation import get_language, gettext_noop
from django.utils.translation import gettext as _

MISSING = "—"


def _number(value: Any) -> Decimal | None:
    """The value as a Decimal, or None for a missing or non-numeric value."""
    if value is None or value == "" or isinstance(value, bool):
        return None
    try:
        number = value if isinstance(value, Decimal) else Decimal(str(value))
    except (InvalidOperation, ValueError, TypeError):
        return None
    return number if number.is_finite() else None


def _rounded(number: Decimal, places: int) -> Decimal:
    # Django's number_format cuts the extra digits off a float (5.88 → "5,8"); round half up.
    exponent = Decimal(1).scaleb(-places)
    result = number.quantize(exponent, rounding=ROUND_HALF_UP)
    return result + 0 if result else Decimal(0).quantize(exponent)  # no "-0,0"


def decimal(value: Any, places: int = 1, *, trim: bool = False) -> str:
    """A number with ``places`` decimals and the thousands separator: ``1.234,5``.

    ``trim`` drops a zero fraction: ``80`` for 80.0000, ``80,5`` for 80.5 (inputs, ``-2``-like).
    """
    number = _number(value)
    if number is None:
        return MISSING
    number = _rounded(number, places)
    if trim:
        number = number.normalize() if number else Decimal(0)
        places = max(0, -int(number.as_tuple().exponent))
    decimal_sep, thousand_sep, grouping = _separators(get_language())
    if grouping != 3:  # a locale grouping otherwise (none of ours): Django's own, slower
        return number_format(number, decimal_pos=places, force_grouping=True)
    # number_format looks its three settings up on every call: a ranking of 168 wards wrote
    # ~2,000 figures and spent 80 ms a page in it (ADR 22)
    text = f"{number:,.{places}f}"
    return text.translate({ord(","): thousand_sep, ord("."): decimal_sep})


@lru_cache(maxsize=16)
def _separators(language: str | None) -> tuple[str, str, int]:
    """The active language's decimal and thousands separators and grouping, looked up once."""
    grouping = get_format("NUMBER_GROUPING", language)
    return (
        str(get_format("DECIMAL_SEPARATOR", language)),
        str(get_format("THOUSAND_SEPARATOR", language)),
        grouping if isinstance(grouping, int) else 0,
    )


def count(value: Any) -> str:
    """An integer with the thousands separator: ``10.240`` (vi), ``10,240`` (en)."""
    return decimal(value, 0)


def pct(value: Any, scale: Any = 1) -> str:
    """A share as a percentage with one decimal: ``84,4%``.

    ``value`` is a ratio (0.844) by default; ``scale=100`` says it is already a percentage (84.4).
    """
    number = _number(value)
    base = _number(scale)
    if number is None or not base:
        return MISSING
    return f"{decimal(number * 100 / base, 1)}%"


def vnd(value: Any) -> str:
    """Money in đồng, no decimals: ``50.000 đồng`` (vi), ``50,000 VND`` (en)."""
    number = _number(value)
    if number is None:
        return MISSING
    return _("%(amount)s đồng") % {"amount": decimal(number, 0)}


UNITS = {
    "days": (gettext_noop("1 ngày"), gettext_noop("%(n)s ngày")),
    "working_days": (gettext_noop("1 ngày làm việc"), gettext_noop("%(n)s ngày làm việc")),
    "hours": (gettext_noop("1 giờ"), gettext_noop("%(n)s giờ")),
    "working_hours": (gettext_noop("1 giờ làm việc"), gettext_noop("%(n)s giờ làm việc")),
    "months": (gettext_noop("1 tháng"), gettext_noop("%(n)s tháng")),
}


def duration(value: Any, unit: str = "days", places: int = 1) -> str:
    """A length of time in a unit: ``5,8 ngày``, ``2 giờ``, ``15 ngày làm việc``.

    Whole numbers have no decimals (``2 giờ``, not ``2,0 giờ``); others ``places`` of them.
    """
    number = _number(value)
    if number is None:
        return MISSING
    if unit not in UNITS:
        raise ValueError(f"unknown unit of time {unit!r}: one of {', '.join(UNITS)}")
    one, many = UNITS[unit]
    number = _rounded(number, places)
    if number == 1:
        return _(one)
    return _(many) % {"n": decimal(number, places, trim=True)}


LEGAL_UNITS = {"hours": "working_hours"}  # a procedure's time in hours counts working hours


def time_limit(value: Any, unit: str) -> str:
    """A procedure's legal time limit in its unit (`procedures.models.TimeUnitChoice`):
    ``15 ngày làm việc``, ``8 giờ làm việc``, ``1 tháng``; an unknown unit is written as it is."""
    unit = LEGAL_UNITS.get(unit, unit)
    if unit not in UNITS:
        return MISSING if _number(value) is None else f"{decimal(value, 1, trim=True)} {unit}".strip()
    return duration(value, unit)


def days(value: Any, places: int = 1) -> str:
    """A number of (calendar) days: ``5,8 ngày`` (vi), ``5.8 days`` (en)."""
    return duration(value, "days", places)


def area(value: Any) -> str:
    """An area in square kilometres with two decimals: ``6.772,59 km²``."""
    if _number(value) is None:
        return MISSING
    return f"{decimal(value, 2)} km²"


def whole_number(text: Any) -> int | None:
    """A whole number as people type it, read back: ``50000``, ``50.000``, ``50,000``,
    ``50 000 đồng`` → 50000; None for anything else (the caller answers 422 naming its field)."""
    unit = r"\s|(?:đồng|đ|vnd)$"  # vi-only: the currency words a reader types, removed
    raw = re.sub(unit, "", str(text if text is not None else "").lower().strip())
    digits = re.sub(r"(?<=\d)[.,](?=\d{3}(?:[.,]|$))", "", raw)
    if not (digits.isascii() and digits.lstrip("-").isdigit()):
        return None
    return int(digits)


def plain(value: Any) -> str:
    """A number for a form's ``value=`` in the active language, with no thousands separator and
    no trailing zeros: ``80`` for Decimal("80.0000"), ``80,5`` (vi) or ``80.5`` (en); empty for
    a missing value. Fields that read it back accept the comma (``forms.DecimalField`` with
    ``localize=True``)."""
    number = _number(value)
    if number is None:
        return ""
    number = number.normalize() if number else Decimal(0)
    places = max(0, -int(number.as_tuple().exponent))
    return f"{number:.{places}f}".replace(".", str(get_format("DECIMAL_SEPARATOR")))


__all__ = [
    "MISSING",
    "area",
    "count",
    "days",
    "decimal",
    "duration",
    "pct",
    "plain",
    "time_limit",
    "vnd",
    "whole_number",
]
