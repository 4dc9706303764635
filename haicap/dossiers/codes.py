"""Dossier codes `<agency>-YYMMDD-NNNN`: a daily sequence per receiving agency, without gaps.

The increment is one atomic upsert in the caller's transaction: concurrent intakes at one agency
queue on the row, and a rolled-back intake rolls its number back too, so numbers never skip.
"""

from __future__ import annotations

import datetime as dt
import secrets
from typing import Any

from django.db import connection
from django.db.models import Q
from django.utils.translation import gettext_lazy

from haicap.core.errors import ApplicationError

MAX_PER_DAY = 9999
SEQUENCE_FULL = gettext_lazy("Đơn vị {agency} đã tiếp nhận đủ 9.999 hồ sơ trong ngày {day:%d/%m/%Y}.")


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


# --- the reference of an online dossier before the desk accepts it ------------------------------
# Filing online takes no number of the daily sequence: anyone may file, and a number is the
# receiving agency's record of a dossier it has received (Decree 61/2018 art. 26). Until the
# desk accepts it the dossier carries a reference `TT-YYMMDD-XXXXXXXX` (TT: trực tuyến), random
# and not guessable; acceptance draws the official code and keeps the reference beside it.

REFERENCE_PREFIX = "TT-"
# no 0/O, 1/I/L: read aloud over the phone or copied from a screen without mistakes
REFERENCE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTUVWXYZ"
REFERENCE_LENGTH = 8  # 31**8 ≈ 8.5e11 a day: a collision within a province is negligible


def online_reference(day: dt.date, rng: Any = None) -> str:
    """A new reference for an online dossier filed on `day`; `rng` (a random.Random) only for
    the simulator, whose runs must be reproducible; otherwise from the secrets module."""
    choice = (rng or secrets.SystemRandom()).choice
    tail = "".join(choice(REFERENCE_ALPHABET) for _ in range(REFERENCE_LENGTH))
    return f"{REFERENCE_PREFIX}{day:%y%m%d}-{tail}"


def has_official_code(dossier: Any) -> bool:
    """Whether the dossier has its number of the daily sequence (not only its reference)."""
    return not dossier.online_reference or dossier.code != dossier.online_reference


def by_code(code: str) -> Q:
    """The dossier with this code, or with this online reference (an online dossier keeps the
    reference its applicant got when filing after acceptance gives it its official code)."""
    if code.upper().startswith(REFERENCE_PREFIX):
        return Q(online_reference=code.upper())
    return Q(code=code)
