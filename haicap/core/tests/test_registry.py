"""Apps declare their own audit actions and permissions (haicap.core.registry)."""

from __future__ import annotations

import pytest
from django.core.exceptions import ImproperlyConfigured
from django.core.management import call_command
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from haicap.core import registry
from haicap.core.models import AuditEvent
from haicap.core.registry import (
    ROLE_PERMISSIONS,
    AuditActions,
    Permissions,
    all_permissions,
    audit_action_choices,
    audit_action_label,
    grant,
    role_permissions,
)
from haicap.core.rights import CoreAudit, CorePerm
from haicap.core.roles import Role
from haicap.dossiers.rights import DossierAudit, DossierPerm
from haicap.feedback.rights import FeedbackAudit
from haicap.metrics.rights import MetricsAudit
from haicap.simulate.rights import SimulateAudit


@pytest.fixture
def scratch_registry(monkeypatch: pytest.MonkeyPatch) -> None:
    """Classes a test defines register into copies, dropped after the test."""
    monkeypatch.setattr(registry, "_audit_classes", list(registry._audit_classes))
    monkeypatch.setattr(registry, "_permission_classes", list(registry._permission_classes))
    monkeypatch.setattr(
        registry, "_grants", {role: set(names) for role, names in registry._grants.items()}
    )
    monkeypatch.setattr(registry, "_cache", {})


# Today's values, as stored in audit_event.action: they must never change.
STORED_AUDIT_VALUES = {
    100: "Đăng nhập",
    101: "Đăng nhập thất bại",
    102: "Khoá đăng nhập tạm thời",
    103: "Mở khoá đăng nhập",
    110: "Cấp quyền",
    111: "Thu hồi quyền",
    200: "Nạp dữ liệu đơn vị hành chính",
    210: "Chuyển đổi địa chỉ hàng loạt",
    211: "Nạp danh sách điểm tiếp nhận hồ sơ",
    212: "Sửa địa chỉ, giờ làm việc của điểm tiếp nhận",
    300: "Sửa lịch làm việc",
    400: "Cấu hình thủ tục",
    410: "Tải lên bảng cấu hình thủ tục của tỉnh",
    411: "Áp dụng bảng cấu hình thủ tục của tỉnh",
    500: "Tạo hồ sơ",
    501: "Chuyển trạng thái hồ sơ",
    502: "Đánh giá hồ sơ",
    520: "Lưu thông tin công dân để điền sẵn",
    521: "Xoá thông tin công dân đã lưu",
    530: "Đính kèm kết quả điện tử",
    531: "Công dân tải kết quả điện tử",
    600: "Nhận phản ánh",
    601: "Chuyển trạng thái phản ánh",
    602: "Tải lên minh chứng trả lời",
    603: "Kiểm duyệt phản ánh",
    604: "Xác nhận liên hệ của người phản ánh",
    605: "Sửa lĩnh vực phản ánh",
    700: "Tạo dữ liệu mô phỏng",
    701: "Tính lại chỉ số phục vụ",
    702: "Xuất số liệu chỉ số phục vụ",
    703: "Đặt chỉ tiêu của tỉnh",
    800: "Nhập sao kê ngân hàng",
    801: "Nhận thông báo giao dịch từ ngân hàng",
    802: "Khớp giao dịch với hồ sơ",
    803: "Khớp thủ công giao dịch chưa khớp",
    804: "Xác định giao dịch không thuộc hồ sơ nào",
    1600: "Gửi thông báo đang chờ",
    1601: "Thông báo gửi không thành công",
}

PERMISSIONS = {
    "core.view_personal_data": "Xem dữ liệu cá nhân",
    "core.view_audit": "Xem nhật ký kiểm toán",
    "core.manage_memberships": "Phân quyền người dùng",
    "units.convert_addresses": "Chuyển đổi địa chỉ hàng loạt",
    "units.manage": "Quản lý dữ liệu đơn vị hành chính",
    "units.manage_points": "Sửa thông tin điểm tiếp nhận hồ sơ của tỉnh",
    "workdays.manage": "Sửa lịch ngày nghỉ, ngày làm bù",
    "procedures.manage": "Cấu hình thủ tục của tỉnh",
    "dossiers.view": "Xem hồ sơ",
    "dossiers.receive": "Tiếp nhận, chuyển, trả hồ sơ",
    "dossiers.process": "Xử lý hồ sơ",
    "dossiers.assign": "Phân công xử lý hồ sơ",
    "dossiers.stop": "Dừng xử lý hồ sơ",
    "dossiers.own": "Xem hồ sơ mình đã nộp trực tuyến",
    "feedback.handle": "Xử lý phản ánh, kiến nghị",
    "feedback.dispatch": "Điều phối phản ánh, kiến nghị",
    "feedback.moderate": "Kiểm duyệt phản ánh (ẩn, chặn, gộp)",
    "metrics.view": "Xem chỉ số phục vụ và bảng điều hành",
    "metrics.manage": "Đặt chỉ tiêu của tỉnh",
    "notifications.view": "Xem thông báo đã gửi",
    "payments.view": "Xem giao dịch thu phí",
    "payments.import": "Nhập sao kê, nhận thông báo ngân hàng",
    "payments.resolve": "Xử lý giao dịch chưa khớp",
}

# The role table as it was written out in core/roles.py before apps granted their own.
ROLE_TABLE = {
    "citizen": {"dossiers.own"},
    "counter_officer": {
        "core.view_personal_data",
        "units.convert_addresses",
        "dossiers.view",
        "dossiers.receive",
        "feedback.handle",
    },
    "processing_officer": {
        "core.view_personal_data",
        "units.convert_addresses",
        "dossiers.view",
        "dossiers.process",
        "feedback.handle",
    },
    "unit_leader": {
        "core.view_personal_data",
        "units.convert_addresses",
        "core.view_audit",
        "dossiers.view",
        "dossiers.process",
        "dossiers.assign",
        "dossiers.stop",
        "feedback.handle",
        "metrics.view",
        "payments.view",
    },
    "province_admin": {
        "core.view_personal_data",
        "units.convert_addresses",
        "core.view_audit",
        "core.manage_memberships",
        "procedures.manage",
        "units.manage_points",
        "dossiers.view",
        "feedback.handle",
        "feedback.dispatch",
        "feedback.moderate",
        "metrics.view",
        "metrics.manage",
        "payments.view",
    },
    "finance_officer": {"payments.view", "payments.import", "payments.resolve"},
    "system_admin": set(PERMISSIONS),
}


def test_every_app_registers_its_audit_actions_with_the_stored_values_and_labels():
    with translation.override("vi"):
        assert dict(audit_action_choices()) == STORED_AUDIT_VALUES
    assert [value for value, _label in audit_action_choices()] == sorted(STORED_AUDIT_VALUES)
    assert DossierAudit.TRANSITION == 501 and FeedbackAudit.MODERATED == 603
    assert SimulateAudit.RUN == 700 and MetricsAudit.TARGETS_SET == 703


def test_values_stay_in_their_module_block():
    for cls in registry._audit_classes:
        blocks = {member.value // 100 for member in cls}
        assert len(blocks) == 1, cls


def test_labels_resolve_translated_or_as_the_number():
    with translation.override("vi"):
        assert audit_action_label(CoreAudit.USER_LOGIN) == "Đăng nhập"
        assert audit_action_label(501) == "Chuyển trạng thái hồ sơ"
    assert audit_action_label(9999) == "9999"


def test_an_event_shows_its_label(db):
    event = AuditEvent.objects.create(actor_label="system", action=DossierAudit.RATED)
    with translation.override("vi"):
        assert event.action_label == "Đánh giá hồ sơ"
        assert str(event).endswith("system: Đánh giá hồ sơ")
    assert AuditEvent(actor_label="x", action=4242).action_label == "4242"


def test_every_app_registers_its_permissions_with_their_labels():
    with translation.override("vi"):
        assert {p.value: str(p.label) for p in all_permissions()} == PERMISSIONS
    assert [p.value for p in all_permissions()] == sorted(PERMISSIONS)
    assert DossierPerm.RECEIVE == "dossiers.receive"


def test_the_role_table_built_from_the_grants_is_todays():
    built = {role: set(role_permissions(role)) for role in Role.values}
    assert built == ROLE_TABLE
    assert {role: set(perms) for role, perms in ROLE_PERMISSIONS.items()} == ROLE_TABLE
    assert role_permissions("no_such_role") == frozenset()


def test_two_apps_using_one_audit_value_are_refused(scratch_registry):
    class FirstAudit(AuditActions):
        DONE = 900, _("Một")

    assert audit_action_label(900) == "Một"

    class SecondAudit(AuditActions):
        ALSO_DONE = 900, _("Hai")

    with pytest.raises(ImproperlyConfigured, match=r"900 is used twice.*FirstAudit.*SecondAudit"):
        audit_action_label(900)
    with pytest.raises(ImproperlyConfigured):
        registry.check_registry()


def test_a_value_already_used_by_a_core_action_is_refused(scratch_registry):
    class CopyAudit(AuditActions):
        LOGIN = 100, _("Đăng nhập")

    with pytest.raises(ImproperlyConfigured, match=r"CoreAudit\.USER_LOGIN"):
        audit_action_choices()


def test_the_system_check_reports_a_duplicate(scratch_registry):
    class CopyPerm(Permissions):
        VIEW = "dossiers.view", _("Xem hồ sơ")

    from django.core.management.base import SystemCheckError

    with pytest.raises(SystemCheckError, match=r"dossiers\.view"):
        call_command("check")


def test_a_new_app_registers_and_grants_without_touching_core(scratch_registry):
    class ParkingAudit(AuditActions):
        TICKET = 9800, _("Phạt đỗ xe")

    class ParkingPerm(Permissions):
        TICKET = "parking.ticket", _("Phạt đỗ xe")

    grant(Role.COUNTER_OFFICER, ParkingPerm.TICKET)
    assert audit_action_label(9800) == "Phạt đỗ xe"
    assert "parking.ticket" in role_permissions(Role.COUNTER_OFFICER)
    assert "parking.ticket" in role_permissions(Role.SYSTEM_ADMIN)
    assert "parking.ticket" not in role_permissions(Role.PROCESSING_OFFICER)
    assert CorePerm.VIEW_AUDIT in role_permissions(Role.SYSTEM_ADMIN)


def test_granting_an_unknown_role_or_an_undeclared_permission_is_refused(scratch_registry):
    with pytest.raises(ImproperlyConfigured):
        grant("no_such_role", DossierPerm.VIEW)
    grant(Role.CITIZEN, "nowhere.declared")  # type: ignore[arg-type]
    with pytest.raises(ImproperlyConfigured, match=r"nowhere\.declared"):
        role_permissions(Role.CITIZEN)


def test_the_admin_filters_on_the_registered_actions(db, client, django_user_model):
    admin = django_user_model.objects.create_superuser("root", password="pw")
    client.force_login(admin)
    AuditEvent.objects.create(actor_label="a", action=DossierAudit.RATED, note="rated-one")
    AuditEvent.objects.create(actor_label="b", action=CoreAudit.USER_LOGIN, note="login-one")
    with translation.override("vi"):
        page = client.get("/admin/core/auditevent/", {"action": "502"}).content.decode()
    assert "rated-one" in page and "login-one" not in page
    assert "Đánh giá hồ sơ" in page and "Tạo dữ liệu mô phỏng" in page  # the filter's choices
