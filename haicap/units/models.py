"""Administrative units over time (provinces, old districts, communes) and their successions.

Modelled on MapIt: a unit row is valid from one date to another; a change (the 2025 reform, the
2026 Đồng Nai city status) ends the old row and starts a new one, linked by a Succession. Nothing
is overwritten, so the map on any date can be asked for.
"""

from __future__ import annotations

import datetime as dt

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _

REFORM_DATE = dt.date(2025, 7, 1)


class Level(models.TextChoices):
    PROVINCE = "province", _("Tỉnh/thành phố")
    DISTRICT = "district", _("Quận/huyện")
    COMMUNE = "commune", _("Xã/phường")
    # a receiving agency that is not an administrative unit: the province's public
    # administration service centre or one of its branches (units.models.ServicePoint)
    POINT = "point", _("Điểm tiếp nhận hồ sơ")


class Kind(models.TextChoices):
    PROVINCE = "tinh", _("Tỉnh")
    CITY = "thanh_pho", _("Thành phố trực thuộc trung ương")
    URBAN_DISTRICT = "quan", _("Quận")
    RURAL_DISTRICT = "huyen", _("Huyện")
    TOWN = "thi_xa", _("Thị xã")
    PROVINCIAL_CITY = "thanh_pho_thuoc_tinh", _("Thành phố thuộc tỉnh")
    MUNICIPAL_CITY = "thanh_pho_thuoc_tp", _("Thành phố thuộc thành phố trực thuộc trung ương")
    COMMUNE = "xa", _("Xã")
    WARD = "phuong", _("Phường")
    TOWNSHIP = "thi_tran", _("Thị trấn")
    SPECIAL_ZONE = "dac_khu", _("Đặc khu")
    SERVICE_CENTRE = "trung_tam_hcc", _("Trung tâm Phục vụ hành chính công")
    SERVICE_BRANCH = "chi_nhanh_hcc", _("Chi nhánh Trung tâm Phục vụ hành chính công")


class UnitQuerySet(models.QuerySet["Unit"]):
    def on(self, date: dt.date) -> UnitQuerySet:
        """Units in force on `date`."""
        return self.filter(Q(valid_from__isnull=True) | Q(valid_from__lte=date)).filter(
            Q(valid_to__isnull=True) | Q(valid_to__gte=date)
        )

    def current(self) -> UnitQuerySet:
        return self.filter(valid_to__isnull=True)

    def provinces(self) -> UnitQuerySet:
        return self.filter(level=Level.PROVINCE)

    def communes(self) -> UnitQuerySet:
        return self.filter(level=Level.COMMUNE)

    def points(self) -> UnitQuerySet:
        return self.filter(level=Level.POINT)


class Unit(models.Model):
    """One version of an administrative unit, valid from `valid_from` to `valid_to` inclusive.

    `valid_from` is empty for pre-reform units whose start predates our records.
    """

    code = models.CharField(_("mã"), max_length=5)
    level = models.CharField(_("cấp"), max_length=10, choices=Level.choices)
    kind = models.CharField(_("loại"), max_length=24, choices=Kind.choices)
    name = models.CharField(_("tên"), max_length=100)
    full_name = models.CharField(_("tên đầy đủ"), max_length=120)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=100, blank=True)
    full_name_en = models.CharField(_("tên đầy đủ tiếng Anh"), max_length=140, blank=True)
    aliases = models.CharField(
        _("tên khác"), max_length=200, blank=True, help_text=_("Các tên khác, cách nhau bởi |")
    )
    # the full name, and the full name, code, English name and aliases (a service point: its
    # address), folded (core.search); written by the loaders, served by a trigram index
    search_name = models.CharField(max_length=120, blank=True, default="", editable=False)
    search_key = models.CharField(max_length=240, db_index=True, editable=False)
    province_code = models.CharField(_("mã tỉnh"), max_length=2, db_index=True)
    district_code = models.CharField(_("mã quận/huyện"), max_length=3, blank=True)
    valid_from = models.DateField(_("hiệu lực từ"), null=True, blank=True)
    valid_to = models.DateField(_("hiệu lực đến"), null=True, blank=True)
    area_km2 = models.FloatField(_("diện tích (km²)"), null=True, blank=True)
    boundary = models.TextField(_("ranh giới (GeoJSON)"), blank=True, editable=False)
    centroid_lat = models.FloatField(null=True, blank=True, editable=False)
    centroid_lon = models.FloatField(null=True, blank=True, editable=False)
    source = models.CharField(_("nguồn"), max_length=64, blank=True)

    objects = UnitQuerySet.as_manager()
    search_fields = ("full_name", "code", "name_en", "aliases")

    class Meta:
        verbose_name = _("đơn vị hành chính")
        verbose_name_plural = _("đơn vị hành chính")
        ordering = ["province_code", "level", "code", "valid_from"]
        constraints = [
            models.UniqueConstraint(
                fields=["level", "code", "valid_from"], name="unit_one_version_per_start"
            ),
            # NULL starts are distinct in SQL unique indexes: a partial index covers them.
            models.UniqueConstraint(
                fields=["level", "code"],
                condition=Q(valid_from__isnull=True),
                name="unit_one_pre_reform_version",
            ),
        ]
        indexes = [models.Index(fields=["level", "province_code", "valid_to"])]

    def __str__(self) -> str:
        return f"{self.full_name} ({self.code})"

    @property
    def in_force(self) -> bool:
        return self.valid_to is None


class Relation(models.TextChoices):
    WHOLE = "whole", _("toàn bộ")
    PART = "part", _("một phần")


class Succession(models.Model):
    """The official link from an old unit to the unit that took over all or part of it."""

    predecessor = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="successions", verbose_name=_("đơn vị cũ")
    )
    successor = models.ForeignKey(
        Unit, on_delete=models.CASCADE, related_name="formed_from", verbose_name=_("đơn vị mới")
    )
    relation = models.CharField(_("quan hệ"), max_length=8, choices=Relation.choices)
    effective = models.DateField(_("ngày hiệu lực"))
    note = models.CharField(_("ghi chú gốc"), max_length=200, blank=True)
    province_code = models.CharField(max_length=2, db_index=True)

    class Meta:
        verbose_name = _("kế thừa")
        verbose_name_plural = _("kế thừa")
        constraints = [
            models.UniqueConstraint(
                fields=["predecessor", "successor", "effective"], name="succession_unique"
            )
        ]

    def __str__(self) -> str:
        return f"{self.predecessor} → {self.successor} ({self.relation})"


class ServicePoint(models.Model):
    """Where a receiving agency that is not a commune receives and returns dossiers: the
    province's public administration service centre or one of its branches (HCMC: bases in old
    district headquarters; Hanoi: 12 branches). Its `unit` (level `point`) is what dossiers,
    memberships and daily code sequences refer to; this row says where it is and when it is open.
    """

    unit = models.OneToOneField(
        Unit, on_delete=models.CASCADE, related_name="service_point", verbose_name=_("đơn vị")
    )
    parent = models.ForeignKey(
        "self",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="branches",
        verbose_name=_("trung tâm chủ quản"),
    )
    province_code = models.CharField(_("mã tỉnh"), max_length=2, db_index=True)
    address = models.CharField(_("địa chỉ"), max_length=300)
    # the new commune the building is in, and the old district whose headquarters it was
    commune_code = models.CharField(_("mã xã/phường nơi đặt trụ sở"), max_length=5, blank=True)
    old_district_code = models.CharField(_("mã quận/huyện cũ"), max_length=3, blank=True)
    hours = models.TextField(_("giờ làm việc"), help_text=_("Mỗi dòng một khoảng thời gian"))
    phone = models.CharField(_("điện thoại"), max_length=20, blank=True)
    lat = models.FloatField(_("vĩ độ"), null=True, blank=True)
    lon = models.FloatField(_("kinh độ"), null=True, blank=True)
    # True: the address, hours or position are illustrative, not taken from an official source
    demo = models.BooleanField(_("dữ liệu minh hoạ"), default=False)
    source = models.CharField(_("nguồn"), max_length=200, blank=True)
    order = models.PositiveSmallIntegerField(_("thứ tự"), default=0)

    class Meta:
        verbose_name = _("điểm tiếp nhận hồ sơ")
        verbose_name_plural = _("điểm tiếp nhận hồ sơ")
        ordering = ["province_code", "order", "unit__code"]

    def __str__(self) -> str:
        return str(self.unit.full_name)

    @property
    def hours_lines(self) -> list[str]:
        return [line.strip() for line in self.hours.splitlines() if line.strip()]
