"""The index's own tables: counters per unit and day (and month, for fast long periods), the
indicators with their points and thresholds, and each province's targets."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

# every counter kept per unit and period (see counters.py for what each one counts)
COUNTERS: tuple[str, ...] = (
    "received",
    "online",
    "eligible",
    "eligible_online",
    "finished",
    "early",
    "on_time",
    "late",
    "apologized",
    "processing_seconds",
    "returned",
    "returned_online",
    "rated",
    "satisfied",
    "fb_received",
    "fb_answered",
    "fb_answered_on_time",
    "fb_rated",
    "fb_satisfied",
    "open_due",
    "fee_paid",
    "fee_paid_online",
)


class Counters(models.Model):
    province_code = models.CharField(max_length=2)
    unit_code = models.CharField(max_length=5)
    received = models.IntegerField(default=0)
    online = models.IntegerField(default=0)
    eligible = models.IntegerField(default=0)
    eligible_online = models.IntegerField(default=0)
    finished = models.IntegerField(default=0)
    early = models.IntegerField(default=0)
    on_time = models.IntegerField(default=0)
    late = models.IntegerField(default=0)
    apologized = models.IntegerField(default=0)
    processing_seconds = models.BigIntegerField(default=0)
    returned = models.IntegerField(default=0)
    returned_online = models.IntegerField(default=0)
    rated = models.IntegerField(default=0)
    satisfied = models.IntegerField(default=0)
    fb_received = models.IntegerField(default=0)
    fb_answered = models.IntegerField(default=0)
    fb_answered_on_time = models.IntegerField(default=0)
    fb_rated = models.IntegerField(default=0)
    fb_satisfied = models.IntegerField(default=0)
    # dossiers open now (accepted or processing) counted on the day they are due: the overdue
    # ones of a period are those due on its days before today (counters.py)
    open_due = models.IntegerField(default=0)
    # fees paid (on the day paid), and those paid electronically (a matched bank transfer):
    # the online-payment indicator of Decision 766
    fee_paid = models.IntegerField(default=0)
    fee_paid_online = models.IntegerField(default=0)

    class Meta:
        abstract = True


class UnitDay(Counters):
    day = models.DateField()

    class Meta:
        constraints = [
            # with the province, the partition key (a unit is in one province: the same rows)
            models.UniqueConstraint(
                fields=["unit_code", "day", "province_code"], name="metrics_unitday_unique"
            )
        ]
        # by province, and by day alone for the national ranking: a bulk load updates a row many
        # times, and without an index a national query would read every dead version
        indexes = [models.Index(fields=["province_code", "day"]), models.Index(fields=["day"])]

    def __str__(self) -> str:
        return f"{self.unit_code} {self.day}"


class UnitMonth(Counters):
    month = models.DateField()  # the first day of the month

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["unit_code", "month", "province_code"], name="metrics_unitmonth_unique"
            )
        ]
        indexes = [
            models.Index(fields=["province_code", "month"]),
            models.Index(fields=["month"]),
        ]

    def __str__(self) -> str:
        return f"{self.unit_code} {self.month:%m/%Y}"


class Group(models.TextChoices):
    TRANSPARENCY = "transparency", _("Công khai, minh bạch")
    PROGRESS = "progress", _("Tiến độ giải quyết")
    ONLINE = "online", _("Dịch vụ trực tuyến")
    DIGITISATION = "digitisation", _("Số hóa hồ sơ")
    SATISFACTION = "satisfaction", _("Mức độ hài lòng")


class Indicator(models.Model):
    """One indicator of Decision 766: its points and the rate that earns them all. `measure`
    names what the system computes it from; blank: the system cannot measure it (shown as
    "not measured" and left out of the score, never counted as 0)."""

    code = models.SlugField(_("mã"), max_length=40, unique=True)
    group = models.CharField(_("nhóm"), max_length=16, choices=Group.choices)
    name = models.CharField(_("tên"), max_length=200)
    points = models.DecimalField(_("điểm tối đa"), max_digits=5, decimal_places=2)
    full_at = models.DecimalField(
        _("đạt điểm tối đa khi tỷ lệ ≥"), max_digits=5, decimal_places=4, default=1
    )
    measure = models.CharField(_("cách đo"), max_length=40, blank=True)
    order = models.PositiveSmallIntegerField(default=0)
    source = models.CharField(_("nguồn"), max_length=200, blank=True)

    class Meta:
        ordering = ["order"]
        verbose_name = _("chỉ số thành phần")
        verbose_name_plural = _("chỉ số thành phần")

    def __str__(self) -> str:
        return f"{self.code} ({self.points})"


class Target(models.Model):
    """A province's target (e.g. 80% of dossiers online), shown with progress on the dashboard."""

    province_code = models.CharField(_("mã tỉnh"), max_length=2)
    code = models.CharField(_("chỉ tiêu"), max_length=32)
    value = models.DecimalField(_("mức"), max_digits=6, decimal_places=4)
    baseline_from = models.DateField(_("kỳ gốc từ"), null=True, blank=True)
    baseline_to = models.DateField(_("kỳ gốc đến"), null=True, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(fields=["province_code", "code"], name="metrics_target_unique")
        ]
        verbose_name = _("chỉ tiêu")
        verbose_name_plural = _("chỉ tiêu")

    def __str__(self) -> str:
        return f"{self.province_code or '*'} {self.code} {self.value}"
