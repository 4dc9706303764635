"""The outbox: one row per message to a citizen, written in the same transaction as the change
it tells of (a rollback takes it back), delivered later by `haicap notify send`."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class Kind(models.TextChoices):
    RECEIVED = "received", _("Đã tiếp nhận hồ sơ")
    SUPPLEMENT = "supplement", _("Cần bổ sung hồ sơ")
    LATE = "late", _("Hồ sơ chậm, hẹn ngày mới")
    RESULT_READY = "result_ready", _("Đã có kết quả")
    FEEDBACK_ANSWERED = "feedback_answered", _("Phản ánh đã được trả lời")
    CONTACT_CODE = "contact_code", _("Mã xác nhận liên hệ")


class MessageChannel(models.TextChoices):
    SMS = "sms", _("Tin nhắn (SMS)")
    EMAIL = "email", _("Thư điện tử")


class MessageStatus(models.TextChoices):
    PENDING = "pending", _("Chờ gửi")
    SENT = "sent", _("Đã gửi")
    FAILED = "failed", _("Không gửi được")


class Message(models.Model):
    province_code = models.CharField(_("mã tỉnh"), max_length=2)
    kind = models.CharField(_("loại"), max_length=20, choices=Kind.choices)
    channel = models.CharField(_("kênh"), max_length=8, choices=MessageChannel.choices)
    recipient = models.CharField(_("người nhận"), max_length=254)
    subject = models.CharField(_("tiêu đề"), max_length=200)
    body = models.TextField(_("nội dung"))
    # what the message is about: "dossier" or "report", and its code (never a person's ID)
    object_type = models.CharField(max_length=16)
    object_code = models.CharField(_("mã hồ sơ / phản ánh"), max_length=32)
    status = models.CharField(
        _("trạng thái"), max_length=8, choices=MessageStatus.choices, default=MessageStatus.PENDING
    )
    attempts = models.PositiveSmallIntegerField(_("số lần gửi"), default=0)
    next_attempt_at = models.DateTimeField(_("gửi lúc"))
    created_at = models.DateTimeField(_("tạo lúc"))
    sent_at = models.DateTimeField(_("đã gửi lúc"), null=True, blank=True)
    gateway = models.CharField(_("cổng gửi"), max_length=120, blank=True)
    last_error = models.CharField(_("lỗi gần nhất"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("thông báo")
        verbose_name_plural = _("thông báo")
        indexes = [
            # the senders' queue: pending ones by due time (a small partial index)
            models.Index(
                fields=["next_attempt_at"],
                condition=models.Q(status="pending"),
                name="message_pending_due",
            ),
            models.Index(fields=["province_code", "created_at"]),
            models.Index(fields=["recipient"]),
        ]

    def __str__(self) -> str:
        return f"{self.kind} {self.object_code}"
