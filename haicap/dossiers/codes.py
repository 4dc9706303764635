"""Dossier codes `<agency>-YYMMDD-NNNN`: a daily sequence per receiving agency, without gaps.

The increment is one atomic upsert in the caller's transaction: concurrent intakes at one agency
queue on the row, and a rolled-back intake rolls its number back too, so numbers never skip.
"""

from __future__ import annotations

import datetime as dt

from django.db import connection

from haicap.core.errors import ApplicationError

MAX_PER_DAY = 9999
SEQUENCE_FULL = "Đơn vị {agency} đã tiếp nhận đủ 9.999 hồ sơ trong ngày {day:%d/%m/%Y}."


def agency_code(unit_code: str) -> str:
    """The receiving agency's code: the commune (or province) code of the receiving unit."""
    return unit_code


def next_number(agency: str, day: dt.date) -> int:
    table = "dossiers_dailysequence"
    with connection.cursor() as cursor:
        cursor.execute(
            f"INSERT INTO {table} (agency_code, day, last) VALUES (%s, %s, 1) "
            f"ON CONFLICT (agency_code, day) DO UPDATE SET last = {table}.last + 1 RETURNING last",
            [agency, day],
        )
        (number,) = cursor.fetchone()
    if number > MAX_PER_DAY:
        raise ApplicationError(SEQUENCE_FULL.format(agency=agency, day=day), status=409)
    return int(number)


def dossier_code(agency: str, day: dt.date) -> str:
    return f"{agency}-{day:%y%m%d}-{next_number(agency, day):04d}"
