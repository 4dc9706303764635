"""Reads of the catalogue: search, and the settings in force for a procedure in a province."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from django.db.models import QuerySet
from django.utils.translation import gettext_lazy

from haicap.core.errors import NotFound
from haicap.core.search import search, shorter
from haicap.core.ttlcache import TTLCache
from haicap.procedures.models import OnlineLevel, Procedure, ProvinceProcedure

PROCEDURE_NOT_FOUND = gettext_lazy("Không tìm thấy thủ tục mã «{code}».")
DEFAULT_TIME = (5, "working_days")  # when the catalogue gives no usable processing time


# what a list of records that point to a procedure never shows of it: the catalogue's record
# (16 KB a procedure on average, JSON decoded per row: a ward's month in the register read
# 6 MB of it). `qs.select_related("procedure").defer(*related_detail("procedure"))`.
DETAIL_FIELDS = (
    "raw", "components", "legal_basis", "conditions", "result", "parse_problems",
    "competent_body", "implementing_body", "channels", "search_key", "search_name",
)


def related_detail(path: str) -> tuple[str, ...]:
    return tuple(f"{path}__{name}" for name in DETAIL_FIELDS)


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
    # the best match first (core.search), then the shorter name: the plain procedure before
    # its special cases
    return search(procedures, query, ties=(shorter(),), order=("code",)).defer("raw")


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
    return settings_from(procedure, config, channel)


def province_settings_all(
    province_code: str, procedures: Iterable[Procedure], channel: str = "in_person"
) -> dict[int, Settings]:
    """procedure_settings for many procedures at once (two queries): the settings sheet."""
    configs = {
        c.procedure_id: c for c in ProvinceProcedure.objects.filter(province_code=province_code)
    }
    return {p.pk: settings_from(p, configs.get(p.pk), channel) for p in procedures}


def settings_from(
    procedure: Procedure, config: ProvinceProcedure | None, channel: str = "in_person"
) -> Settings:
    """The one rule: the catalogue's values, with the province's configuration over them.

    The time is verified when the province says so, or, where the province set no time of its
    own and did not verify one, when the catalogue states its unit. A procedure whose time is
    not verified is not offered online (ADR 13)."""
    parsed = procedure.channel(channel) or (procedure.channels[0] if procedure.channels else None)
    value, unit, verified = DEFAULT_TIME[0], DEFAULT_TIME[1], False
    if parsed and parsed.get("time_value"):
        value, verified = max(1, round(parsed["time_value"])), parsed.get("time_unit") is not None
        unit = parsed.get("time_unit") or DEFAULT_TIME[1]
    fee = parsed.get("fee_vnd") if parsed else None
    if config is None:
        offered = bool({"commune", "province"} & set(procedure.levels))
        online = OnlineLevel.PARTIAL if procedure.online_available else OnlineLevel.NONE
        return Settings(offered, False, _online(online, verified), value, unit, verified, fee)
    if config.time_value and config.time_unit:
        value, unit, verified = config.time_value, config.time_unit, config.time_verified
    verified = verified or config.time_verified
    return Settings(
        config.offered,
        config.boundary_free,
        _online(config.online_level, verified),
        value,
        unit,
        verified,
        config.fee_vnd if config.fee_vnd is not None else fee,
    )


def _online(level: str, time_verified: bool) -> str:
    return level if time_verified else OnlineLevel.NONE
