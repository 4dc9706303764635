"""Audit actions and permissions of the procedure catalogue (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

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
