"""Core's audit actions and permissions (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

from haicap.core.audit_words import audit_words, names_by
from haicap.core.navigation import work_link
from haicap.core.registry import AuditActions, Permissions, grant
from haicap.core.roles import Role


class CoreAudit(AuditActions):
    USER_LOGIN = 100, _("Đăng nhập")
    USER_LOGIN_FAILED = 101, _("Đăng nhập thất bại")
    LOGIN_LOCKED = 102, _("Khoá đăng nhập tạm thời")
    LOGIN_UNLOCKED = 103, _("Mở khoá đăng nhập")
    MEMBERSHIP_GRANTED = 110, _("Cấp quyền")
    MEMBERSHIP_REVOKED = 111, _("Thu hồi quyền")


class CorePerm(Permissions):
    VIEW_PERSONAL_DATA = "core.view_personal_data", _("Xem dữ liệu cá nhân")
    VIEW_AUDIT = "core.view_audit", _("Xem nhật ký kiểm toán")
    MANAGE_MEMBERSHIPS = "core.manage_memberships", _("Phân quyền người dùng")


grant(Role.COUNTER_OFFICER, CorePerm.VIEW_PERSONAL_DATA)
grant(Role.PROCESSING_OFFICER, CorePerm.VIEW_PERSONAL_DATA)
grant(Role.UNIT_LEADER, CorePerm.VIEW_PERSONAL_DATA, CorePerm.VIEW_AUDIT)
grant(
    Role.PROVINCE_ADMIN,
    CorePerm.VIEW_PERSONAL_DATA,
    CorePerm.VIEW_AUDIT,
    CorePerm.MANAGE_MEMBERSHIPS,
)

# the audit log, for those who may read it (a citizen is not shown a link that answers 403)
work_link(order=90, label=_("Nhật ký"), url_name="audit", perm=CorePerm.VIEW_AUDIT)

# how the audit log names core's objects (core.audit_words)
audit_words("auth.user", noun=_("Người dùng"), names=names_by("auth.user", "username"))
audit_words(
    "core.membership",
    noun=_("Phân quyền"),
    names=names_by("core.membership", select=("user", "unit")),
    states=lambda value: Role(value).label,
)
audit_words("core.apitoken", noun=_("Token API"), names=names_by("core.apitoken", "label"))
