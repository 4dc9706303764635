"""Reads of the catalogue: search, and the settings in force for a procedure in a province."""

from __future__ import annotations

from dataclasses import dataclass

from django.db.models import QuerySet

from haicap.core.errors import NotFound
from haicap.core.text import search_key
from haicap.core.ttlcache import TTLCache
from haicap.procedures.models import OnlineLevel, Procedure, ProvinceProcedure

PROCEDURE_NOT_FOUND = "Không tìm thấy thủ tục mã «{code}»."
DEFAULT_TIME = (5, "working_days")  # when the catalogue gives no usable processing time


@dataclass(frozen=True)
class Settings:
    """What applies to one procedure in one province, for one channel."""

    offered: bool
    boundary_free: bool
    online_level: str
    time_value: int
    time_unit: str
    time_verified: bool  # False: the catalogue gave no unit (or no time) and nobody set one
    fee_vnd: int | None


def procedure_search(*, query: str = "", level: str = "", field: str = "") -> QuerySet[Procedure]:
    procedures = Procedure.objects.all()
    if level:
        procedures = procedures.filter(level_codes__contains=level)
    if field:
        procedures = procedures.filter(field=field)
    for word in search_key(query).split():
        procedures = procedures.filter(search_key__contains=word)
    return procedures.defer("raw").order_by("code")


def procedure_get(code: str) -> Procedure:
    try:
        return Procedure.objects.get(code=code)
    except Procedure.DoesNotExist:
        raise NotFound(PROCEDURE_NOT_FOUND.format(code=code), extra={"code": code}) from None


_for_intake: TTLCache[Procedure] = TTLCache("procedures")
_settings: TTLCache[Settings] = TTLCache("province procedure settings")


def procedure_for_intake(code: str) -> Procedure:
    """procedure_get without the portal's raw text, cached: read on every intake."""

    def load() -> Procedure:
        try:
            return Procedure.objects.defer("raw", "search_key").get(code=code)
        except Procedure.DoesNotExist:
            raise NotFound(PROCEDURE_NOT_FOUND.format(code=code), extra={"code": code}) from None

    return _for_intake.get(code, load)


def procedure_settings_cached(
    procedure: Procedure, province_code: str, channel: str = "in_person"
) -> Settings:
    """procedure_settings, cached per process (cleared here when an administrator changes it)."""
    return _settings.get(
        (procedure.pk, province_code, channel),
        lambda: procedure_settings(procedure, province_code, channel),
    )


def procedure_fields() -> list[str]:
    return list(Procedure.objects.order_by("field").values_list("field", flat=True).distinct())


def procedure_settings(
    procedure: Procedure, province_code: str, channel: str = "in_person"
) -> Settings:
    config = ProvinceProcedure.objects.filter(
        province_code=province_code, procedure=procedure
    ).first()
    parsed = procedure.channel(channel) or (procedure.channels[0] if procedure.channels else None)
    value, unit, verified = DEFAULT_TIME[0], DEFAULT_TIME[1], False
    if parsed and parsed.get("time_value"):
        value, verified = max(1, round(parsed["time_value"])), parsed.get("time_unit") is not None
        unit = parsed.get("time_unit") or DEFAULT_TIME[1]
    fee = parsed.get("fee_vnd") if parsed else None
    if config is None:
        offered = bool({"commune", "province"} & set(procedure.levels))
        online = OnlineLevel.PARTIAL if procedure.online_available else OnlineLevel.NONE
        return Settings(offered, False, online, value, unit, verified, fee)
    if config.time_value and config.time_unit:
        value, unit, verified = config.time_value, config.time_unit, True
    return Settings(
        config.offered,
        config.boundary_free,
        config.online_level,
        value,
        unit,
        verified,
        config.fee_vnd if config.fee_vnd is not None else fee,
    )
