"""Audit actions and permissions of the procedure catalogue (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

from haicap.core.audit_words import audit_words, names_by
from haicap.core.navigation import work_link
from haicap.core.registry import AuditActions, Permissions, grant
from haicap.core.roles import Role


class ProcedureAudit(AuditActions):
    CONFIGURED = 400, _("Cấu hình thủ tục")
    SETTINGS_UPLOADED = 410, _("Tải lên bảng cấu hình thủ tục của tỉnh")
    SETTINGS_APPLIED = 411, _("Áp dụng bảng cấu hình thủ tục của tỉnh")


class ProcedurePerm(Permissions):
    MANAGE = "procedures.manage", _("Cấu hình thủ tục của tỉnh")


grant(Role.PROVINCE_ADMIN, ProcedurePerm.MANAGE)

# the province administrator's settings page in the navigation bar
work_link(
    order=60,
    label=_("Cấu hình thủ tục"),
    url_name="procedures:settings",
    perm=ProcedurePerm.MANAGE,
    testid="nav-procedure-settings",
    lands={Role.PROVINCE_ADMIN: ""},
)

def _online_level(value: str) -> str:
    from haicap.procedures.models import OnlineLevel

    return str(OnlineLevel(value).label)


def _time_unit(value: str) -> str:
    from haicap.procedures.models import TimeUnitChoice

    return str(TimeUnitChoice(value).label)


# how the audit log names a province's procedure settings and their fields (core.audit_words)
audit_words(
    "procedures.provinceprocedure",
    noun=_("Thủ tục"),
    names=names_by("procedures.provinceprocedure", "procedure.code", select=("procedure",)),
    fields={
        "offered": _("Cung cấp"),
        "boundary_free": _("Phi địa giới"),
        "online_level": _("Mức trực tuyến"),
        "fee_vnd": _("Lệ phí (đồng)"),
        "time_value": _("Thời hạn"),
        "time_unit": _("Đơn vị thời hạn"),
        "time_verified": _("Thời hạn đã kiểm chứng"),
    },
    values={"online_level": _online_level, "time_unit": _time_unit},
)
audit_words(
    "procedures.settingsupload",
    noun=_("Bảng cấu hình"),
    names=names_by("procedures.settingsupload", "filename"),
)
