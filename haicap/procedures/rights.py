"""Audit actions and permissions of the procedure catalogue (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

from haicap.core.registry import AuditActions, Permissions, grant
from haicap.core.roles import Role


class ProcedureAudit(AuditActions):
    CONFIGURED = 400, _("Cấu hình thủ tục")


class ProcedurePerm(Permissions):
    MANAGE = "procedures.manage", _("Cấu hình thủ tục của tỉnh")


grant(Role.PROVINCE_ADMIN, ProcedurePerm.MANAGE)
