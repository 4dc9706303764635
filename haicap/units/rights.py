"""Audit actions and permissions of administrative units (see haicap.core.registry)."""

from django.utils.translation import gettext_lazy as _

from haicap.core.audit_words import audit_words, names_by
from haicap.core.registry import AuditActions, Permissions, grant
from haicap.core.roles import Role


class UnitsAudit(AuditActions):
    LOADED = 200, _("Nạp dữ liệu đơn vị hành chính")
    ADDRESSES_CONVERTED = 210, _("Chuyển đổi địa chỉ hàng loạt")
    POINTS_LOADED = 211, _("Nạp danh sách điểm tiếp nhận hồ sơ")
    POINT_UPDATED = 212, _("Sửa địa chỉ, giờ làm việc của điểm tiếp nhận")


class UnitsPerm(Permissions):
    CONVERT_ADDRESSES = "units.convert_addresses", _("Chuyển đổi địa chỉ hàng loạt")
    MANAGE = "units.manage", _("Quản lý dữ liệu đơn vị hành chính")
    MANAGE_POINTS = "units.manage_points", _("Sửa thông tin điểm tiếp nhận hồ sơ của tỉnh")


for _role in (
    Role.COUNTER_OFFICER,
    Role.PROCESSING_OFFICER,
    Role.UNIT_LEADER,
    Role.PROVINCE_ADMIN,
):
    grant(_role, UnitsPerm.CONVERT_ADDRESSES)
grant(Role.PROVINCE_ADMIN, UnitsPerm.MANAGE_POINTS)
# MANAGE: system administrators only

# how the audit log names units and service points (core.audit_words)
audit_words("units.unit", noun=_("Đơn vị"), names=names_by("units.unit", "full_name"))
audit_words(
    "units.servicepoint",
    noun=_("Nơi tiếp nhận"),
    names=names_by("units.servicepoint", "unit.full_name", select=("unit",)),
)
