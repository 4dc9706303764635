"""Audit actions of the synthetic workload (see haicap.core.registry). It shares the 700 block
with metrics, as it did before apps declared their own: stored values never change."""

from django.utils.translation import gettext_lazy as _

from haicap.core.registry import AuditActions


class SimulateAudit(AuditActions):
    RUN = 700, _("Tạo dữ liệu mô phỏng")
