"""Audit actions and permissions of citizen feedback (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

from haicap.core.audit_words import audit_words, names_by
from haicap.core.navigation import work_link
from haicap.core.registry import AuditActions, Permissions, grant
from haicap.core.roles import Role


class FeedbackAudit(AuditActions):
    CREATED = 600, _("Nhận phản ánh")
    TRANSITION = 601, _("Chuyển trạng thái phản ánh")
    EVIDENCE_ADDED = 602, _("Tải lên minh chứng trả lời")
    MODERATED = 603, _("Kiểm duyệt phản ánh")
    CONTACT_CONFIRMED = 604, _("Xác nhận liên hệ của người phản ánh")
    CATEGORY_SAVED = 605, _("Sửa lĩnh vực phản ánh")


class FeedbackPerm(Permissions):
    HANDLE = "feedback.handle", _("Xử lý phản ánh, kiến nghị")
    DISPATCH = "feedback.dispatch", _("Điều phối phản ánh, kiến nghị")
    MODERATE = "feedback.moderate", _("Kiểm duyệt phản ánh (ẩn, chặn, gộp)")


for _role in (Role.COUNTER_OFFICER, Role.PROCESSING_OFFICER, Role.UNIT_LEADER):
    grant(_role, FeedbackPerm.HANDLE)
grant(Role.PROVINCE_ADMIN, FeedbackPerm.HANDLE, FeedbackPerm.DISPATCH, FeedbackPerm.MODERATE)

# the officers' work page in the navigation bar
work_link(
    order=20,
    label=_("Xử lý phản ánh"),
    url_name="feedback:queue",
    perm=FeedbackPerm.HANDLE,
    testid="nav-feedback",
)

# how the audit log names categories and Open311 keys (reports: by their workflow)
audit_words("feedback.category", noun=_("Lĩnh vực"), names=names_by("feedback.category", "name"))
audit_words(
    "feedback.open311key", noun=_("Khoá Open311"), names=names_by("feedback.open311key", "label")
)
