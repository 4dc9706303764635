"""Dossiers (hồ sơ), their control sheet, supplement requests, daily code sequences."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from haicap.core.history import HistoryEvent
from haicap.core.search import Searchable


class Status(models.IntegerChoices):
    """The national portal's status codes (Decree 61/2018 as amended)."""

    REGISTERED = 1, _("Mới đăng ký")
    ACCEPTED = 2, _("Đã tiếp nhận")
    NOT_ACCEPTED = 3, _("Không được tiếp nhận")
    PROCESSING = 4, _("Đang xử lý")
    SUPPLEMENT = 5, _("Yêu cầu bổ sung")
    AWAITING_PAYMENT = 6, _("Chờ thực hiện nghĩa vụ tài chính")
    WITHDRAWAL_REQUESTED = 7, _("Công dân yêu cầu rút hồ sơ")
    STOPPED = 8, _("Dừng xử lý")
    PROCESSED = 9, _("Đã xử lý xong")
    RETURNED = 10, _("Đã trả kết quả")


class Channel(models.TextChoices):
    IN_PERSON = "in_person", _("Trực tiếp")
    ONLINE = "online", _("Trực tuyến")
    POST = "post", _("Bưu chính")


class ReturnMethod(models.TextChoices):
    COUNTER = "counter", _("Tại bộ phận một cửa")
    ONLINE = "online", _("Trực tuyến")
    POST = "post", _("Qua bưu chính")


class Payment(models.TextChoices):
    NOT_REQUIRED = "not_required", _("Không thu")
    UNPAID = "unpaid", _("Chưa nộp")
    PAID = "paid", _("Đã nộp")


class PaidVia(models.TextChoices):
    """How a fee was paid: the index's online-payment indicator counts the electronic ones."""

    COUNTER = "counter", _("Nộp tại bộ phận một cửa")
    TRANSFER = "transfer", _("Chuyển khoản ngân hàng (VietQR)")


class Dossier(Searchable, models.Model):
    # unique with the province (Meta.constraints): a table partitioned by province_code can only
    # enforce keys that include it; the code is unique nationally all the same, since its agency
    # part is a unit code (national, one province) and DailySequence numbers it
    # an online dossier, until the desk accepts it, has its reference (`TT-YYMMDD-XXXXXXXX`,
    # dossiers.codes.online_reference) here: the daily sequence moves only at acceptance
    code = models.CharField(_("mã hồ sơ"), max_length=32)
    # the reference the applicant got when filing online, kept after acceptance gives the
    # dossier its official code, so that the citizen's reference still finds it; null, not
    # blank, for dossiers received at the counter (unique with the province, as the code)
    online_reference = models.CharField(  # noqa: DJ001
        _("mã tra cứu trực tuyến"), max_length=20, null=True, blank=True
    )
    province_code = models.CharField(_("mã tỉnh"), max_length=2)
    procedure = models.ForeignKey(
        "procedures.Procedure", on_delete=models.PROTECT, related_name="+"
    )
    receiving_unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("nơi tiếp nhận")
    )
    competent_unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("nơi giải quyết")
    )
    return_unit = models.ForeignKey(
        "units.Unit", on_delete=models.PROTECT, related_name="+", verbose_name=_("nơi trả kết quả")
    )
    holder_unit_code = models.CharField(_("đơn vị đang giữ"), max_length=5)
    channel = models.CharField(_("kênh nộp"), max_length=10, choices=Channel.choices)
    # how the province offered the procedure online when the dossier came in (the index's
    # denominator of online share): full | partial | none
    online_level = models.CharField(_("mức dịch vụ trực tuyến"), max_length=8, default="none")
    # no index on the status alone: queues go through (province, status, due) and (holder,
    # status), and a status-only index led PostgreSQL to read every open dossier when counting
    # the overdue ones across provinces instead of the small partial index below
    status = models.PositiveSmallIntegerField(_("trạng thái"), choices=Status.choices)

    applicant_name = models.CharField(_("người nộp"), max_length=120)
    applicant_id_number = models.CharField(_("số định danh"), max_length=12)
    applicant_phone = models.CharField(_("điện thoại"), max_length=15)
    # the applicant's name, and name, phone, online reference and code, folded (core.search),
    # kept on save and by the bulk paths; a trigram index serves the search on PostgreSQL
    search_name = models.CharField(max_length=120, blank=True, default="", editable=False)
    search_key = models.CharField(max_length=200, blank=True, default="", editable=False)
    applicant_email = models.EmailField(_("thư điện tử"), blank=True)
    applicant_address = models.CharField(_("địa chỉ"), max_length=300)
    applicant_commune_code = models.CharField(_("mã xã/phường cư trú"), max_length=5, blank=True)
    request = models.TextField(_("nội dung yêu cầu"), blank=True)
    sets = models.PositiveSmallIntegerField(_("số bộ hồ sơ"), default=1)
    # what the counter ticked on the procedure's checklist (dossiers.received): one entry per
    # item, {key, name, kind, originals, certified, copies}; the slip (form 01) lists these
    received_items = models.JSONField(_("giấy tờ đã nhận"), default=list, blank=True)

    registered_at = models.DateTimeField(_("thời điểm đăng ký"))
    received_at = models.DateTimeField(_("thời điểm tiếp nhận"), null=True, blank=True)
    time_value = models.PositiveIntegerField(_("thời hạn"))
    time_unit = models.CharField(_("đơn vị thời hạn"), max_length=16)
    time_verified = models.BooleanField(default=True)
    due_at = models.DateTimeField(_("hẹn trả"), null=True, blank=True)
    original_due_at = models.DateTimeField(_("hẹn trả ban đầu"), null=True, blank=True)
    apologized = models.BooleanField(_("đã xin lỗi, hẹn lại"), default=False)
    paused_at = models.DateTimeField(_("tạm dừng tính thời hạn từ"), null=True, blank=True)
    supplement_requests = models.PositiveSmallIntegerField(
        _("số lần yêu cầu bổ sung khi thẩm định"), default=0
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        verbose_name=_("cán bộ xử lý"),
    )
    finished_at = models.DateTimeField(_("hoàn thành lúc"), null=True, blank=True)
    # when the processing officer attached the electronic result (DossierResult); the index
    # counts a dossier returned with one as an electronic result
    result_at = models.DateTimeField(_("kết quả điện tử lúc"), null=True, blank=True)
    outcome = models.CharField(
        _("kết quả đúng hạn"), max_length=8, blank=True
    )  # early | on_time | late
    returned_at = models.DateTimeField(_("trả kết quả lúc"), null=True, blank=True)
    return_method = models.CharField(
        _("hình thức trả"), max_length=8, choices=ReturnMethod.choices, default=ReturnMethod.COUNTER
    )
    fee_vnd = models.PositiveIntegerField(_("phí, lệ phí (đồng)"), default=0)
    payment = models.CharField(
        _("thanh toán"), max_length=14, choices=Payment.choices, default=Payment.NOT_REQUIRED
    )
    paid_at = models.DateTimeField(_("nộp phí lúc"), null=True, blank=True)
    paid_via = models.CharField(
        _("hình thức nộp phí"), max_length=10, choices=PaidVia.choices, blank=True
    )
    note = models.TextField(_("ghi chú"), blank=True)
    rating_satisfied = models.BooleanField(_("hài lòng"), null=True, blank=True)
    rating_reason = models.CharField(_("lý do đánh giá"), max_length=500, blank=True)
    rated_at = models.DateTimeField(null=True, blank=True)
    # unique within the province (Meta.constraints), for partitioning by province_code; null,
    # not blank, without one: blanks would collide, NULLs never do
    idempotency_key = models.CharField(max_length=80, null=True, blank=True)  # noqa: DJ001
    # a digest of the request the key came with: the same key with another request is refused
    idempotency_fingerprint = models.CharField(max_length=64, blank=True, default="")
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    # the signed-in citizen who filed it online: "my dossiers" lists these, and only these
    filed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="filed_dossiers",
        verbose_name=_("người nộp trực tuyến"),
    )
    # the declaration entered online as an e-form (dossiers.eforms): {"form", "fields": {...}}
    declaration = models.JSONField(_("tờ khai điện tử"), default=dict, blank=True)

    class Meta:
        verbose_name = _("hồ sơ")
        verbose_name_plural = _("hồ sơ")
        # every index costs each intake and transition a write: only those a query uses (by
        # province: queues and figures; open ones by due time; the foreign keys' own, which
        # the queues of a unit use); the lookups by code and idempotency key are exact
        indexes = [
            models.Index(fields=["province_code", "status", "due_at"]),
            models.Index(fields=["province_code", "outcome", "finished_at"]),
            # open dossiers by due time (overdue ones, across provinces): a small index
            # (with the competent unit, so that counting them per unit reads the index only)
            models.Index(
                fields=["due_at"],
                condition=models.Q(status__in=[2, 4]),
                include=["competent_unit"],
                name="dossier_open_due",
            ),
        ]
        # every unique key includes province_code, the partition key (docs/operations.md); the
        # looked-up column comes first, so that a look-up without the province uses the index
        constraints = [
            models.UniqueConstraint(
                fields=["code", "province_code"], name="dossier_code_unique_in_province"
            ),
            models.UniqueConstraint(
                fields=["online_reference", "province_code"],
                name="dossier_online_reference_unique_in_province",
            ),
            models.UniqueConstraint(
                fields=["idempotency_key", "province_code"],
                name="dossier_idempotency_key_unique_in_province",
            ),
        ]

    # the code last: the intake's single statement (intake_insert) appends the number it draws
    search_fields = ("applicant_name", "applicant_phone", "online_reference", "code")

    def __str__(self) -> str:
        return self.code

    @property
    def time_label(self) -> str:
        """The legal processing time in words: "5 ngày làm việc"."""
        from haicap.core.formatting import time_limit

        return time_limit(self.time_value, self.time_unit)


class DossierEvent(HistoryEvent):
    """One line of the control sheet (form 06): each hand-over and each change of status."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="events")
    from_status = models.PositiveSmallIntegerField(null=True, blank=True, choices=Status.choices)
    to_status = models.PositiveSmallIntegerField(choices=Status.choices)

    class Meta(HistoryEvent.Meta):
        pass

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.action}"


class SupplementRequest(models.Model):
    """Form 02: everything missing, listed once, with the reason for each item."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="supplements")
    at = models.DateTimeField()
    phase = models.CharField(max_length=10)  # intake | appraisal
    items = models.JSONField()  # [{"name", "kind": original|certified|copy, "reason"}]
    officer = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    completed_at = models.DateTimeField(null=True, blank=True)

    def __str__(self) -> str:
        return f"{self.dossier_id} {self.phase}"


class Attachment(models.Model):
    """A component uploaded by the applicant; files live outside the web root (MEDIA_ROOT)."""

    dossier = models.ForeignKey(Dossier, on_delete=models.CASCADE, related_name="attachments")
    component = models.CharField(max_length=1000)
    # the checklist item (procedures.requirements) the file was uploaded for; blank: "other"
    item_key = models.CharField(max_length=40, blank=True, default="")
    file = models.FileField(upload_to="dossiers/%Y/%m/")
    content_type = models.CharField(max_length=100)
    size = models.PositiveIntegerField()
    uploaded_at = models.DateTimeField(auto_now_add=True)

    def __str__(self) -> str:
        return str(self.file.name)


class DossierResult(models.Model):
    """The electronic result (a PDF) the processing officer attached when completing; served
    only through permission-checked views (officers of the dossier's units, the citizen with
    the tracking check), never from a public URL."""

    dossier = models.OneToOneField(Dossier, on_delete=models.CASCADE, related_name="result")
    file = models.FileField(upload_to="results/%Y/%m/")
    name = models.CharField(_("tên tệp"), max_length=200)
    size = models.PositiveIntegerField()
    sha256 = models.CharField(max_length=64)
    uploaded_at = models.DateTimeField()
    uploaded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )

    def __str__(self) -> str:
        return self.name


class DailySequence(models.Model):
    """The last dossier number of a receiving agency on a day (Decree 61/2018 art. 26)."""

    agency_code = models.CharField(max_length=16)
    day = models.DateField()
    last = models.PositiveIntegerField()

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["agency_code", "day"], name="one_sequence_per_agency_day"
            )
        ]

    def __str__(self) -> str:
        return f"{self.agency_code} {self.day} {self.last}"


class CitizenProfile(models.Model):
    """A signed-in citizen's details, saved from an online filing with consent, to pre-fill the
    next one; the citizen edits them in the form and may delete them (Decree 13/2023)."""

    user = models.OneToOneField(
        settings.AUTH_USER_MODEL, on_delete=models.CASCADE, related_name="citizen_profile"
    )
    name = models.CharField(_("họ và tên"), max_length=120)
    id_number = models.CharField(_("số định danh"), max_length=12)
    phone = models.CharField(_("điện thoại"), max_length=15)
    email = models.EmailField(_("thư điện tử"), blank=True)
    address = models.CharField(_("địa chỉ"), max_length=300)
    commune_code = models.CharField(_("mã xã/phường cư trú"), max_length=5, blank=True)
    consented_at = models.DateTimeField(_("đồng ý lưu lúc"))
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("thông tin công dân")
        verbose_name_plural = _("thông tin công dân")

    def __str__(self) -> str:
        return f"{self.user_id}"
