"""Fees paid electronically: the bank's statement lines and notifications (one row per bank
transaction, whatever brought it), each matched to a dossier or queued with a reason, and the
imports that brought them."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class Source(models.TextChoices):
    STATEMENT = "statement", _("Sao kê ngân hàng")
    NOTIFICATION = "notification", _("Thông báo của ngân hàng")


class State(models.TextChoices):
    MATCHED = "matched", _("Đã khớp tự động")
    UNMATCHED = "unmatched", _("Chưa khớp")
    RESOLVED = "resolved", _("Đã khớp thủ công")
    DISMISSED = "dismissed", _("Không thuộc hồ sơ nào")


class Reason(models.TextChoices):
    """Why a transaction was not matched automatically."""

    NO_REFERENCE = "no_reference", _("Nội dung không có mã thanh toán")
    UNKNOWN_REFERENCE = "unknown_reference", _("Mã thanh toán không thuộc hồ sơ nào")
    OTHER_UNIT = "other_unit", _("Hồ sơ của đơn vị khác")
    MANY_REFERENCES = "many_references", _("Nội dung có nhiều mã thanh toán")
    PARTIAL = "partial", _("Nộp thiếu")
    OVERPAID = "overpaid", _("Nộp thừa")
    ALREADY_PAID = "already_paid", _("Hồ sơ đã nộp phí (nộp trùng)")
    NOT_DUE = "not_due", _("Hồ sơ không phải nộp phí")
    CLOSED = "closed", _("Hồ sơ đã dừng, rút hoặc bị từ chối")


class StatementImport(models.Model):
    """One statement file imported (or one day's notifications from the bank adapter)."""

    province_code = models.CharField(_("mã tỉnh"), max_length=2)
    unit_code = models.CharField(_("đơn vị"), max_length=5)
    source = models.CharField(_("nguồn"), max_length=12, choices=Source.choices)
    filename = models.CharField(_("tệp"), max_length=200, blank=True)
    at = models.DateTimeField(_("thời điểm"))
    by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, on_delete=models.SET_NULL, related_name="+"
    )
    lines = models.PositiveIntegerField(_("số dòng có"), default=0)
    new = models.PositiveIntegerField(_("giao dịch mới"), default=0)
    matched = models.PositiveIntegerField(_("khớp tự động"), default=0)
    queued = models.PositiveIntegerField(_("chờ xử lý"), default=0)

    class Meta:
        verbose_name = _("lần nhập sao kê")
        verbose_name_plural = _("các lần nhập sao kê")
        indexes = [models.Index(fields=["province_code", "unit_code", "at"])]

    def __str__(self) -> str:
        return f"{self.unit_code} {self.at:%Y-%m-%d %H:%M}"

    @property
    def duplicates(self) -> int:
        """Lines whose bank transaction had been imported before (skipped: idempotent)."""
        return self.lines - self.new


class BankTransaction(models.Model):
    """A credit to the fee account, as the bank reported it, and what it paid."""

    province_code = models.CharField(_("mã tỉnh"), max_length=2)
    # the unit whose finance officers see it: the dossier's competent unit once matched, the
    # importing officer's unit before
    unit_code = models.CharField(_("đơn vị"), max_length=5)
    transaction_id = models.CharField(_("mã giao dịch ngân hàng"), max_length=64)
    booked_at = models.DateTimeField(_("ngày giao dịch"))
    amount_vnd = models.PositiveBigIntegerField(_("số tiền (đồng)"))
    memo = models.CharField(_("nội dung chuyển khoản"), max_length=500)
    # the memo, the bank's id and the reference folded (core.text.search_key), for the search box
    search = models.CharField(max_length=600, blank=True)
    source = models.CharField(_("nguồn"), max_length=12, choices=Source.choices)
    statement = models.ForeignKey(
        StatementImport,
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="transactions",
    )
    reference = models.CharField(_("mã thanh toán"), max_length=10, blank=True)
    state = models.CharField(_("tình trạng"), max_length=10, choices=State.choices)
    reason = models.CharField(_("lý do chưa khớp"), max_length=20, choices=Reason.choices, blank=True)
    dossier = models.ForeignKey(
        "dossiers.Dossier",
        null=True,
        blank=True,
        on_delete=models.PROTECT,
        related_name="+",
        verbose_name=_("hồ sơ"),
    )
    receipt_number = models.CharField(_("số biên lai"), max_length=24, blank=True)
    received_at = models.DateTimeField(_("nhận lúc"))
    resolved_at = models.DateTimeField(_("xử lý lúc"), null=True, blank=True)
    resolved_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    resolution_note = models.CharField(_("ghi chú xử lý"), max_length=500, blank=True)

    class Meta:
        verbose_name = _("giao dịch ngân hàng")
        verbose_name_plural = _("giao dịch ngân hàng")
        constraints = [
            # the bank's id is unique in its account: importing a statement twice, or a
            # notification retried, finds the row and adds nothing
            models.UniqueConstraint(
                fields=["transaction_id", "province_code"], name="bank_transaction_once"
            ),
            models.UniqueConstraint(
                fields=["receipt_number", "province_code"],
                condition=~models.Q(receipt_number=""),
                name="receipt_number_once",
            ),
        ]
        indexes = [
            models.Index(fields=["province_code", "unit_code", "state", "booked_at"]),
            models.Index(fields=["dossier"], name="banktxn_dossier"),
        ]

    def __str__(self) -> str:
        return f"{self.transaction_id} {self.amount_vnd}"
