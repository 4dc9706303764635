"""Audit actions and permissions of the one-stop shop (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

from haicap.core.audit_words import audit_words, other_states
from haicap.core.navigation import work_link
from haicap.core.registry import AuditActions, Permissions, grant
from haicap.core.roles import Role


class DossierAudit(AuditActions):
    CREATED = 500, _("Tạo hồ sơ")
    TRANSITION = 501, _("Chuyển trạng thái hồ sơ")
    RATED = 502, _("Đánh giá hồ sơ")
    # online filing (520-529)
    PROFILE_SAVED = 520, _("Lưu thông tin công dân để điền sẵn")
    PROFILE_DELETED = 521, _("Xoá thông tin công dân đã lưu")
    RESULT_ATTACHED = 530, _("Đính kèm kết quả điện tử")
    RESULT_DOWNLOADED = 531, _("Công dân tải kết quả điện tử")


class DossierPerm(Permissions):
    VIEW = "dossiers.view", _("Xem hồ sơ")
    RECEIVE = "dossiers.receive", _("Tiếp nhận, chuyển, trả hồ sơ")
    PROCESS = "dossiers.process", _("Xử lý hồ sơ")
    ASSIGN = "dossiers.assign", _("Phân công xử lý hồ sơ")
    STOP = "dossiers.stop", _("Dừng xử lý hồ sơ")
    OWN = "dossiers.own", _("Xem hồ sơ mình đã nộp trực tuyến")


grant(Role.COUNTER_OFFICER, DossierPerm.VIEW, DossierPerm.RECEIVE)
grant(Role.PROCESSING_OFFICER, DossierPerm.VIEW, DossierPerm.PROCESS)
grant(Role.UNIT_LEADER, DossierPerm.VIEW, DossierPerm.PROCESS, DossierPerm.ASSIGN, DossierPerm.STOP)
grant(Role.PROVINCE_ADMIN, DossierPerm.VIEW)
grant(Role.CITIZEN, DossierPerm.OWN)

# the officers' work page in the navigation bar
work_link(
    order=10,
    label=_("Một cửa"),
    url_name="dossiers:queue",
    perm=DossierPerm.VIEW,
    testid="nav-one-stop",
    lands={Role.COUNTER_OFFICER: "", Role.PROCESSING_OFFICER: "?queue=process"},
)

# the citizen's own dossiers, for a signed-in citizen
work_link(
    order=80,
    label=_("Hồ sơ của tôi"),
    url_name="dossiers:mine",
    perm=DossierPerm.OWN,
    testid="nav-my-dossiers",
    lands={Role.CITIZEN: ""},
)

# the dossier itself is named by its workflow; the citizen's saved details by number only
# (the log shows no personal data)
audit_words("dossiers.citizenprofile", noun=_("Thông tin công dân"))
# a rating is audited with its answer as the new state (dossiers.services.dossier_rate)
other_states({"satisfied": _("Hài lòng"), "unsatisfied": _("Không hài lòng")})
