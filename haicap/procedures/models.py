"""The national procedure catalogue and each province's configuration of it."""

from __future__ import annotations

import re
from typing import Any

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

# the levels of the catalogue's "cấp thực hiện", as people read them (level_codes holds the codes)
LEVEL_LABELS = {"commune": _("Cấp xã"), "province": _("Cấp tỉnh"), "ministry": _("Cấp bộ")}


_KIND = re.compile(r"^\s*thủ tục\s+", re.IGNORECASE)  # vi-only: the catalogue's words


def search_values(code: str, name: str, field: str) -> dict[str, str]:
    """What `core.search` stores of a procedure: its name without the catalogue's leading
    "Thủ tục" (half the names have it), so that "đăng ký khai sinh" is the name exactly."""
    return {"name": _KIND.sub("", " ".join(name.split())), "code": code, "field": field}


class Procedure(models.Model):
    """One procedure (thủ tục hành chính) as published on the national portal, parsed."""

    code = models.CharField(_("mã thủ tục"), max_length=20, unique=True)
    name = models.TextField(_("tên thủ tục"))
    field = models.CharField(_("lĩnh vực"), max_length=200, blank=True, db_index=True)
    levels = models.JSONField(_("cấp thực hiện"), default=list)
    level_codes = models.CharField(max_length=40, blank=True, editable=False)  # "commune,province"
    competent_body = models.TextField(_("cơ quan có thẩm quyền"), blank=True)
    implementing_body = models.TextField(_("cơ quan thực hiện"), blank=True)
    decision = models.CharField(_("quyết định công bố"), max_length=100, blank=True)
    channels = models.JSONField(_("cách thức thực hiện"), default=list)
    components = models.JSONField(_("thành phần hồ sơ"), default=list)
    result = models.TextField(_("kết quả"), blank=True)
    legal_basis = models.JSONField(_("căn cứ pháp lý"), default=list)
    conditions = models.TextField(_("yêu cầu, điều kiện"), blank=True)
    online_available = models.BooleanField(_("có nộp trực tuyến"), default=False)
    parse_problems = models.JSONField(_("lỗi phân tích"), default=list)
    raw = models.JSONField(_("bản gốc"), default=dict)
    # the name without its leading "Thủ tục", and the name, code and field, folded (core.search)
    search_name = models.TextField(blank=True, default="", editable=False)
    search_key = models.TextField(editable=False, db_index=False)

    search_fields = ("name", "code", "field")

    class Meta:
        verbose_name = _("thủ tục hành chính")
        verbose_name_plural = _("thủ tục hành chính")
        ordering = ["code"]

    def __str__(self) -> str:
        return f"{self.code} {self.name[:80]}"

    def level_labels(self) -> str:
        """The levels that carry it out, in words ("Cấp xã, Cấp tỉnh"), never the codes."""
        codes = [code for code in self.level_codes.split(",") if code]
        return ", ".join(str(LEVEL_LABELS.get(code, code)) for code in codes)

    def channel(self, code: str) -> dict[str, Any] | None:
        return next((c for c in self.channels if c["channel"] == code), None)


class OnlineLevel(models.TextChoices):
    FULL = "full", _("Trực tuyến toàn trình")
    PARTIAL = "partial", _("Trực tuyến một phần")
    NONE = "none", _("Không trực tuyến")


class TimeUnitChoice(models.TextChoices):
    WORKING_DAYS = "working_days", _("ngày làm việc")
    DAYS = "days", _("ngày")
    HOURS = "hours", _("giờ làm việc")
    MONTHS = "months", _("tháng")


class ProvinceProcedure(models.Model):
    """How a province offers a procedure: offered or not, boundary-free, online level, overrides."""

    province_code = models.CharField(_("mã tỉnh"), max_length=2, db_index=True)
    procedure = models.ForeignKey(
        Procedure, on_delete=models.PROTECT, related_name="province_settings"
    )
    offered = models.BooleanField(_("cung cấp"), default=True)
    boundary_free = models.BooleanField(_("phi địa giới"), default=False)
    online_level = models.CharField(
        _("mức trực tuyến"), max_length=8, choices=OnlineLevel.choices, default=OnlineLevel.PARTIAL
    )
    fee_vnd = models.PositiveIntegerField(_("lệ phí (đồng)"), null=True, blank=True)
    time_value = models.PositiveIntegerField(_("thời hạn"), null=True, blank=True)
    time_unit = models.CharField(
        _("đơn vị thời hạn"), max_length=16, choices=TimeUnitChoice.choices, blank=True
    )
    # the province has checked the processing time in force (its own, or the catalogue's)
    time_verified = models.BooleanField(_("tỉnh đã kiểm chứng thời hạn"), default=False)
    updated_at = models.DateTimeField(auto_now=True)
    updated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )

    class Meta:
        verbose_name = _("cấu hình thủ tục của tỉnh")
        verbose_name_plural = _("cấu hình thủ tục của tỉnh")
        constraints = [
            models.UniqueConstraint(
                fields=["province_code", "procedure"], name="one_setting_per_province"
            )
        ]

    def __str__(self) -> str:
        return f"{self.province_code}: {self.procedure_id}"


class SettingsUpload(models.Model):
    """A province's settings sheet as uploaded: checked when uploaded, applied as previewed.

    The file is kept until it is applied so that what is applied is exactly what was previewed
    (checked again against the settings in force at that moment); `digest` is its SHA-256."""

    province_code = models.CharField(_("mã tỉnh"), max_length=2, db_index=True)
    filename = models.CharField(_("tên tệp"), max_length=200)
    digest = models.CharField(_("mã băm SHA-256"), max_length=64)
    content = models.BinaryField(_("nội dung"))
    rows = models.PositiveIntegerField(_("số dòng"), default=0)
    errors = models.PositiveIntegerField(_("số lỗi"), default=0)
    changes = models.PositiveIntegerField(_("số thủ tục thay đổi"), default=0)
    uploaded_at = models.DateTimeField(_("tải lên lúc"), auto_now_add=True)
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    applied_at = models.DateTimeField(_("áp dụng lúc"), null=True, blank=True)
    applied_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    applied_changes = models.PositiveIntegerField(_("số thủ tục đã thay đổi"), default=0)

    class Meta:
        verbose_name = _("bảng cấu hình tải lên")
        verbose_name_plural = _("bảng cấu hình tải lên")
        ordering = ["-uploaded_at", "-pk"]

    def __str__(self) -> str:
        return f"{self.province_code}: {self.filename} ({self.digest[:12]})"
