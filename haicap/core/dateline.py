"""The place and date line of every official paper ("Bến Thành, ngày 02 tháng 12 năm 2026"),
as Decree 30/2020 (Appendix I, II.4) writes it; the one-stop forms, receipts, the register and
the result letters all print it through `date_line`, and later modules (documents) reuse it.

Place: the issuing unit's own name without its level: a commune's or ward's people's committee
writes its name ("Phường Bến Thành" → "Bến Thành"), except a name that is a number, which keeps
its level ("Phường 1"); a province's body or one of its service points writes the province's
name ("Hồ Chí Minh"). Date: a day below 10 and the months 1 and 2 take a leading zero
("ngày 05 tháng 02", "ngày 15 tháng 3")."""

from __future__ import annotations

import datetime as dt
import re
from typing import Any

_NUMBERED = re.compile(r"^\d")


def place_name(unit: Any) -> str:
    """The place an official paper of `unit` (a units.Unit, any level) is dated at."""
    if unit is None:
        return ""
    if unit.level != "commune":
        from haicap.units.models import Unit  # core is imported before units

        province = (
            unit
            if unit.level == "province"
            else Unit.objects.current().filter(level="province", code=unit.province_code).first()
        )
        return str(province.name) if province else ""
    name = str(unit.name).strip()
    return str(unit.full_name) if not name or _NUMBERED.match(name) else name


def date_words(day: dt.date) -> str:
    """ "ngày 02 tháng 12 năm 2026": the day padded below 10, the month only for January and
    February (so that no digit can be added before it)."""
    month = f"{day.month:02d}" if day.month < 3 else str(day.month)
    return f"ngày {day.day:02d} tháng {month} năm {day.year}"


def date_line(place: str, day: dt.date) -> str:
    """ "Bến Thành, ngày 02 tháng 12 năm 2026" (no leading comma when the place is unknown)."""
    words = date_words(day)
    return f"{place}, {words}" if place else words[0].upper() + words[1:]
