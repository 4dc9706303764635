"""Writes: a province administrator configures how the province offers a procedure."""

from __future__ import annotations

from dataclasses import asdict

from django.db import transaction
from django.utils.translation import gettext, gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError
from haicap.core.fielderrors import Collector
from haicap.core.permissions import Actor, require_permission
from haicap.core.ttlcache import clear_all_caches
from haicap.procedures.models import OnlineLevel, Procedure, ProvinceProcedure, TimeUnitChoice
from haicap.procedures.rights import ProcedureAudit, ProcedurePerm
from haicap.procedures.selectors import procedure_settings, settings_from

FULL_ONLINE_NEEDS_ONLINE = (
    gettext_lazy("Thủ tục không có kênh trực tuyến trong danh mục quốc gia; không thể đặt trực tuyến toàn trình.")
)
TIME_NEEDS_BOTH = gettext_lazy("Thời hạn cần cả số và đơn vị.")
ONLINE_NEEDS_VERIFIED_TIME = (
    gettext_lazy("Thủ tục {code}: thời hạn giải quyết chưa được tỉnh kiểm chứng nên chưa thể cung cấp "
    "trực tuyến; hãy nhập thời hạn và đánh dấu đã kiểm chứng.")
)


def online_needs_verified_time(procedure: Procedure, online_level: str, verified: bool) -> None:
    """A procedure is offered online only with a processing time the province has verified."""
    if online_level != OnlineLevel.NONE and not verified:
        raise ApplicationError(
            ONLINE_NEEDS_VERIFIED_TIME.format(code=procedure.code),
            extra={"field": "online_level", "procedure_code": procedure.code},
            status=422,
        )


@transaction.atomic
def province_procedure_configure(
    *,
    province_code: str,
    procedure: Procedure,
    actor: Actor,
    offered: bool,
    boundary_free: bool,
    online_level: str,
    fee_vnd: int | None = None,
    time_value: int | None = None,
    time_unit: str = "",
    time_verified: bool | None = None,
) -> ProvinceProcedure:
    """Configure one procedure. A time typed here is verified unless `time_verified` says not;
    with no time typed, the catalogue's time stays as verified as the province last said."""
    require_permission(actor, ProcedurePerm.MANAGE, province_code=province_code)
    errors = Collector()  # every bad field at once
    if online_level == OnlineLevel.FULL and not procedure.online_available:
        errors.add("online_level", str(FULL_ONLINE_NEEDS_ONLINE))
    if bool(time_value) != bool(time_unit):
        errors.add("time_value", str(TIME_NEEDS_BOTH))
    if time_unit and time_unit not in TimeUnitChoice.values:
        errors.add(
            "time_unit",
            gettext("Đơn vị thời hạn «{time_unit}» không hợp lệ.").format(time_unit=time_unit),
        )
    errors.done()
    before = procedure_settings(procedure, province_code)
    config, _ = ProvinceProcedure.objects.select_for_update().get_or_create(
        province_code=province_code, procedure=procedure
    )
    if time_verified is None:  # a time typed here is verified; none typed keeps the province's word
        time_verified = True if time_value else config.time_verified
    config.offered, config.boundary_free, config.online_level = offered, boundary_free, online_level
    config.fee_vnd, config.time_value, config.time_unit = fee_vnd, time_value, time_unit
    config.time_verified = time_verified
    online_needs_verified_time(
        procedure, online_level, settings_from(procedure, config).time_verified
    )
    config.updated_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
    config.full_clean()
    config.save()
    clear_all_caches()  # now, for reads later in this transaction; again once committed
    transaction.on_commit(clear_all_caches)
    audit_record(
        actor=actor,
        action=ProcedureAudit.CONFIGURED,
        obj=config,
        province_code=province_code,
        note=procedure.code,
        # the audit log words the change from these (procedures.rights: "Cung cấp: không → có")
        data={"before": asdict(before), "after": asdict(settings_from(procedure, config))},
    )
    return config
