"""Audit actions and permissions of notifications (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

from haicap.core.audit_words import audit_words, names_by
from haicap.core.navigation import work_link
from haicap.core.registry import AuditActions, Permissions
from haicap.core.roles import Role


class NotifyAudit(AuditActions):
    DELIVERY_RUN = 1600, _("Gửi thông báo đang chờ")
    DELIVERY_FAILED = 1601, _("Thông báo gửi không thành công")


class NotifyPerm(Permissions):
    # granted to no role: the system administrator holds every permission
    VIEW = "notifications.view", _("Xem thông báo đã gửi")


work_link(
    order=95,
    label=_("Thông báo"),
    url_name="notifications:messages",
    perm=NotifyPerm.VIEW,
    testid="nav-notifications",
    lands={Role.SYSTEM_ADMIN: ""},
)

# how the audit log names a message: the dossier or report it is about (core.audit_words)
audit_words(
    "notifications.message",
    noun=_("Tin nhắn về"),
    names=names_by("notifications.message", "object_code"),
)
