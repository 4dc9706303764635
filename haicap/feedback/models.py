"""Citizen feedback reports, their categories (per province, with defaults), the steps each
report went through, and the photos and documents attached to reports and answers."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _

from haicap.core.history import HistoryEvent
from haicap.core.search import Searchable


class BodyKind(models.TextChoices):
    COMMUNE = "commune", _("UBND xã, phường")
    DEPARTMENT = "department", _("Sở, ngành cấp tỉnh")
    UTILITY = "utility", _("Doanh nghiệp dịch vụ công ích")


class Category(models.Model):
    """A kind of problem, who handles it and in how many working days. `province_code` empty:
    the default that every province has unless it defines its own with the same code."""

    province_code = models.CharField(_("mã tỉnh"), max_length=2, blank=True)
    code = models.SlugField(_("mã"), max_length=40)
    name = models.CharField(_("tên"), max_length=120)
    name_en = models.CharField(_("tên tiếng Anh"), max_length=120, blank=True)
    description = models.CharField(_("mô tả"), max_length=300, blank=True)
    body_kind = models.CharField(_("loại cơ quan xử lý"), max_length=12, choices=BodyKind.choices)
    body_name = models.CharField(_("cơ quan xử lý"), max_length=160, blank=True)
    sla_working_days = models.PositiveSmallIntegerField(_("thời hạn trả lời (ngày làm việc)"))
    disabled_on = models.DateField(_("ngừng dùng từ"), null=True, blank=True)

    class Meta:
        verbose_name = _("lĩnh vực phản ánh")
        verbose_name_plural = _("lĩnh vực phản ánh")
        ordering = ["province_code", "code"]
        constraints = [
            models.UniqueConstraint(
                fields=["province_code", "code"], name="one_category_code_per_province"
            )
        ]

    def __str__(self) -> str:
        return f"{self.province_code or '*'}:{self.code}"


class ReportStatus(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận")
    DISPATCH = "dispatch", _("Chờ điều phối")  # no single commune: the province dispatcher decides
    FORWARDED = "forwarded", _("Đã chuyển đơn vị xử lý")
    ACCEPTED = "accepted", _("Đơn vị đã nhận")
    IN_PROGRESS = "in_progress", _("Đang xử lý")
    ANSWERED = "answered", _("Đã trả lời")
    CLOSED = "closed", _("Đã đóng")
    REJECTED = "rejected", _("Không thuộc thẩm quyền")
    REOPENED = "reopened", _("Mở lại")


OPEN_STATUSES = (
    ReportStatus.RECEIVED,
    ReportStatus.DISPATCH,
    ReportStatus.FORWARDED,
    ReportStatus.ACCEPTED,
    ReportStatus.IN_PROGRESS,
    ReportStatus.REOPENED,
)


class Channel(models.TextChoices):
    WEB = "web", _("Cổng thông tin")
    APP = "app", _("Ứng dụng")
    PHONE = "phone", _("Điện thoại")
    OPEN311 = "open311", _("Open311")


class Report(Searchable, models.Model):
    code = models.CharField(_("mã phản ánh"), max_length=24, unique=True)
    province_code = models.CharField(_("mã tỉnh"), max_length=2, db_index=True)
    category = models.ForeignKey(Category, on_delete=models.PROTECT, related_name="+")
    description = models.TextField(_("nội dung"))
    # the description, code and address folded (core.search), kept on save
    search_name = models.CharField(max_length=120, blank=True, default="", editable=False)
    search_key = models.TextField(blank=True, default="", editable=False)
    channel = models.CharField(_("kênh"), max_length=8, choices=Channel.choices)
    lat = models.FloatField(null=True, blank=True)
    lon = models.FloatField(null=True, blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300, blank=True)
    commune_code = models.CharField(
        _("xã/phường nơi xảy ra"), max_length=5, blank=True, db_index=True
    )
    candidate_codes = models.JSONField(_("các xã/phường có thể"), default=list, blank=True)
    near_boundary = models.BooleanField(_("gần ranh giới"), default=False)
    responsible_unit_code = models.CharField(_("đơn vị xử lý"), max_length=5, db_index=True)
    responsible_body = models.CharField(_("cơ quan xử lý"), max_length=160)
    status = models.CharField(
        _("trạng thái"), max_length=12, choices=ReportStatus.choices, db_index=True
    )
    created_at = models.DateTimeField(_("thời điểm gửi"), db_index=True)
    forwarded_at = models.DateTimeField(null=True, blank=True)
    due_at = models.DateTimeField(_("hạn trả lời"), null=True, blank=True, db_index=True)
    committed_at = models.DateTimeField(_("hẹn trả lời"), null=True, blank=True)
    answered_at = models.DateTimeField(null=True, blank=True)
    closed_at = models.DateTimeField(null=True, blank=True)
    answer = models.TextField(_("trả lời"), blank=True)
    escalation = models.PositiveSmallIntegerField(default=0)  # 0 unit, 1 leader, 2 province
    contact_name = models.CharField(_("người phản ánh"), max_length=120, blank=True)
    contact_phone = models.CharField(_("điện thoại"), max_length=15, blank=True)
    contact_email = models.EmailField(_("thư điện tử"), blank=True)
    contact_confirmed = models.BooleanField(default=False)
    confirmation_hash = models.CharField(max_length=64, blank=True)
    token = models.CharField(max_length=40, unique=True)  # Open311 token / the citizen's link
    hidden = models.BooleanField(_("ẩn khỏi trang công khai"), default=False)
    duplicate_of = models.ForeignKey(
        "self", null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    rating_satisfied = models.BooleanField(null=True, blank=True)
    rating_reason = models.CharField(max_length=500, blank=True)
    attributes = models.JSONField(
        _("thông tin thêm"), default=dict, blank=True
    )  # Open311 attribute[]
    client_key = models.CharField(max_length=64, blank=True)  # Open311 api_key label / client id
    # unique within the province (Meta.constraints), like a dossier's; code and token stay
    # unique nationally: both are looked up without a province (docs/operations.md)
    # null, not blank, without one: blanks would collide, NULLs never do
    idempotency_key = models.CharField(max_length=80, null=True, blank=True)  # noqa: DJ001
    # a digest of the request the key came with: the same key with another request is refused
    idempotency_fingerprint = models.CharField(max_length=64, blank=True, default="")

    class Meta:
        verbose_name = _("phản ánh")
        verbose_name_plural = _("phản ánh")
        indexes = [
            models.Index(fields=["province_code", "status", "due_at"]),
            models.Index(fields=["responsible_unit_code", "status"]),
            models.Index(fields=["category", "status", "lat"]),
            models.Index(  # open reports by due time (overdue ones, across provinces), with
                fields=["due_at"],  # what counting them per unit reads: the index only
                condition=models.Q(
                    status__in=["forwarded", "accepted", "in_progress", "reopened"]
                ),
                include=["responsible_unit_code", "committed_at"],
                name="report_open_due",
            ),
        ]
        constraints = [
            models.UniqueConstraint(
                fields=["idempotency_key", "province_code"],
                name="report_idempotency_key_unique_in_province",
            ),
        ]

    search_fields = ("description", "code", "address")

    def __str__(self) -> str:
        return self.code


class ReportEvent(HistoryEvent):
    """One step of a report: its public timeline (the lines marked public) and the officers'."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="events")
    from_status = models.CharField(max_length=12, blank=True)
    to_status = models.CharField(max_length=12)
    public = models.BooleanField(default=True)  # shown on the public page (no personal data)

    class Meta(HistoryEvent.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.report_id} {self.action}"

    @property
    def label(self) -> str:
        """The step in words (the workflow's label)."""
        from haicap.feedback.workflow import TRANSITIONS

        if self.action == "submit":
            return str(_("Gửi phản ánh"))
        if self.action == "merge":
            return str(_("Gộp vào phản ánh trùng"))
        transition = TRANSITIONS.get(self.action)
        return str(transition.label) if transition else self.action


class Evidence(models.Model):
    """A photo with the report, or a photo or document proving the answer."""

    report = models.ForeignKey(Report, on_delete=models.CASCADE, related_name="evidence")
    kind = models.CharField(max_length=8)  # report | answer
    file = models.FileField(upload_to="feedback/%Y/%m/")
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.file.name)


class Open311Key(models.Model):
    """An api_key for POSTing reports through Open311, issued by an administrator to one
    integrator (an app, a call centre) for one province; stored as a hash."""

    label = models.CharField(_("đơn vị sử dụng"), max_length=100)
    province_code = models.CharField(_("mã tỉnh"), max_length=2)
    key_hash = models.CharField(max_length=64, unique=True)
    created_at = models.DateTimeField(auto_now_add=True)
    revoked_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("khoá Open311")
        verbose_name_plural = _("khoá Open311")

    def __str__(self) -> str:
        return self.label


class Ban(models.Model):
    """A sender whose reports are refused (abuse): by phone number or by client (an address, or an
    Open311 key's label), until a date or for good. Set by moderators, audited."""

    value = models.CharField(_("số điện thoại hoặc máy gửi"), max_length=80, unique=True)
    reason = models.CharField(_("lý do"), max_length=300)
    until = models.DateTimeField(_("đến"), null=True, blank=True)
    created_at = models.DateTimeField(auto_now_add=True)

    class Meta:
        verbose_name = _("chặn người gửi")
        verbose_name_plural = _("chặn người gửi")

    def __str__(self) -> str:
        return self.value
