"""Swap days decided each year (a weekend day worked, a weekday off), kept as editable data."""

from __future__ import annotations

from django.db import models
from django.utils.translation import gettext_lazy as _


class CalendarDay(models.Model):
    class Kind(models.TextChoices):
        WORKING = "working", _("Ngày làm việc bù")
        OFF = "off", _("Ngày nghỉ")

    date = models.DateField(_("ngày"), unique=True)
    kind = models.CharField(_("loại"), max_length=8, choices=Kind.choices)
    note = models.CharField(_("căn cứ / ghi chú"), max_length=200, blank=True)
    updated_at = models.DateTimeField(auto_now=True)

    class Meta:
        verbose_name = _("ngày hoán đổi")
        verbose_name_plural = _("ngày hoán đổi")
        ordering = ["date"]

    def __str__(self) -> str:
        return f"{self.date:%d/%m/%Y} {self.get_kind_display()}"
