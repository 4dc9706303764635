"""Roles and what each may do: data, not code scattered through views."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Role(models.TextChoices):
    CITIZEN = "citizen", _("Công dân")
    COUNTER_OFFICER = "counter_officer", _("Cán bộ một cửa")
    PROCESSING_OFFICER = "processing_officer", _("Cán bộ xử lý")
    UNIT_LEADER = "unit_leader", _("Lãnh đạo đơn vị")
    PROVINCE_ADMIN = "province_admin", _("Quản trị cấp tỉnh")
    SYSTEM_ADMIN = "system_admin", _("Quản trị hệ thống")


class Perm(models.TextChoices):
    """Permission names that modules check with `core.permissions.has_permission`."""

    VIEW_PERSONAL_DATA = "core.view_personal_data", _("Xem dữ liệu cá nhân")
    VIEW_AUDIT = "core.view_audit", _("Xem nhật ký kiểm toán")
    MANAGE_MEMBERSHIPS = "core.manage_memberships", _("Phân quyền người dùng")
    CONVERT_ADDRESSES = "units.convert_addresses", _("Chuyển đổi địa chỉ hàng loạt")
    MANAGE_UNITS = "units.manage", _("Quản lý dữ liệu đơn vị hành chính")
    MANAGE_CALENDAR = "workdays.manage", _("Sửa lịch ngày nghỉ, ngày làm bù")
    MANAGE_PROCEDURES = "procedures.manage", _("Cấu hình thủ tục của tỉnh")
    VIEW_DOSSIERS = "dossiers.view", _("Xem hồ sơ")
    RECEIVE_DOSSIERS = "dossiers.receive", _("Tiếp nhận, chuyển, trả hồ sơ")
    PROCESS_DOSSIERS = "dossiers.process", _("Xử lý hồ sơ")
    ASSIGN_DOSSIERS = "dossiers.assign", _("Phân công xử lý hồ sơ")
    STOP_DOSSIERS = "dossiers.stop", _("Dừng xử lý hồ sơ")
    HANDLE_FEEDBACK = "feedback.handle", _("Xử lý phản ánh, kiến nghị")
    DISPATCH_FEEDBACK = "feedback.dispatch", _("Điều phối phản ánh, kiến nghị")
    MODERATE_FEEDBACK = "feedback.moderate", _("Kiểm duyệt phản ánh (ẩn, chặn, gộp)")
    VIEW_METRICS = "metrics.view", _("Xem chỉ số phục vụ và bảng điều hành")
    MANAGE_METRICS = "metrics.manage", _("Đặt chỉ tiêu của tỉnh")


ROLE_PERMISSIONS: dict[str, frozenset[str]] = {
    Role.CITIZEN: frozenset(),
    Role.COUNTER_OFFICER: frozenset(
        {
            Perm.VIEW_PERSONAL_DATA,
            Perm.CONVERT_ADDRESSES,
            Perm.VIEW_DOSSIERS,
            Perm.RECEIVE_DOSSIERS,
            Perm.HANDLE_FEEDBACK,
        }
    ),
    Role.PROCESSING_OFFICER: frozenset(
        {
            Perm.VIEW_PERSONAL_DATA,
            Perm.CONVERT_ADDRESSES,
            Perm.VIEW_DOSSIERS,
            Perm.PROCESS_DOSSIERS,
            Perm.HANDLE_FEEDBACK,
        }
    ),
    Role.UNIT_LEADER: frozenset(
        {
            Perm.VIEW_PERSONAL_DATA,
            Perm.CONVERT_ADDRESSES,
            Perm.VIEW_AUDIT,
            Perm.VIEW_DOSSIERS,
            Perm.PROCESS_DOSSIERS,
            Perm.ASSIGN_DOSSIERS,
            Perm.STOP_DOSSIERS,
            Perm.HANDLE_FEEDBACK,
            Perm.VIEW_METRICS,
        }
    ),
    Role.PROVINCE_ADMIN: frozenset(
        {
            Perm.VIEW_PERSONAL_DATA,
            Perm.CONVERT_ADDRESSES,
            Perm.VIEW_AUDIT,
            Perm.MANAGE_MEMBERSHIPS,
            Perm.MANAGE_PROCEDURES,
            Perm.VIEW_DOSSIERS,
            Perm.HANDLE_FEEDBACK,
            Perm.DISPATCH_FEEDBACK,
            Perm.MODERATE_FEEDBACK,
            Perm.VIEW_METRICS,
            Perm.MANAGE_METRICS,
        }
    ),
    Role.SYSTEM_ADMIN: frozenset(p.value for p in Perm),
}

# Roles that a membership may hold at each level of unit.
ROLE_LEVELS: dict[str, frozenset[str]] = {
    Role.CITIZEN: frozenset({"commune", "province"}),
    Role.COUNTER_OFFICER: frozenset({"commune", "province"}),
    Role.PROCESSING_OFFICER: frozenset({"commune", "province"}),
    Role.UNIT_LEADER: frozenset({"commune", "province"}),
    Role.PROVINCE_ADMIN: frozenset({"province"}),
    Role.SYSTEM_ADMIN: frozenset({"national"}),
}
