"""The history line every workflow keeps: one row per step of a record (a dossier's control
sheet, a report's public timeline). Each module subclasses it with the foreign key to its record
and its status columns; `core.workflow` writes the rows."""

from __future__ import annotations

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class HistoryEvent(models.Model):
    """One step: when, which action, who (the user, or the label of the system or the citizen),
    from which holding unit to which, with a note and the step's data."""

    at = models.DateTimeField(_("thời điểm"))
    action = models.CharField(_("thao tác"), max_length=32)
    from_unit_code = models.CharField(max_length=5, blank=True)
    to_unit_code = models.CharField(max_length=5, blank=True)
    actor = models.ForeignKey(
        settings.AUTH_USER_MODEL, null=True, blank=True, on_delete=models.SET_NULL, related_name="+"
    )
    actor_label = models.CharField(max_length=150)
    note = models.TextField(blank=True)
    data = models.JSONField(default=dict, blank=True)
    province_code = models.CharField(max_length=2)

    class Meta:
        abstract = True
        ordering = ["at", "id"]
