"""Audit actions and permissions of the service index (see haicap.core.registry). Its audit
values share the 700 block with simulate (700 is simulate's), as they did before apps declared
their own: stored values never change."""

from django.utils.translation import gettext_lazy as _

from haicap.core.audit_words import audit_words, names_by
from haicap.core.navigation import work_link
from haicap.core.registry import AuditActions, Permissions, grant
from haicap.core.roles import Role


class MetricsAudit(AuditActions):
    REBUILT = 701, _("Tính lại chỉ số phục vụ")
    EXPORTED = 702, _("Xuất số liệu chỉ số phục vụ")
    TARGETS_SET = 703, _("Đặt chỉ tiêu của tỉnh")


class MetricsPerm(Permissions):
    VIEW = "metrics.view", _("Xem chỉ số phục vụ và bảng điều hành")
    MANAGE = "metrics.manage", _("Đặt chỉ tiêu của tỉnh")


grant(Role.UNIT_LEADER, MetricsPerm.VIEW)
grant(Role.PROVINCE_ADMIN, MetricsPerm.VIEW, MetricsPerm.MANAGE)

# the officers' work page in the navigation bar
work_link(
    order=30,
    label=_("Chỉ số phục vụ"),
    url_name="metrics:home",
    perm=MetricsPerm.VIEW,
    testid="nav-metrics",
    lands={Role.UNIT_LEADER: ""},
)

# how the audit log names a province's targets (core.audit_words)
audit_words("metrics.target", noun=_("Chỉ tiêu"), names=names_by("metrics.target", "code"))
