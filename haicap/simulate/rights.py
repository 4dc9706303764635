"""Audit actions of the synthetic workload (see haicap.core.registry). It shares the 700 block
with metrics, as it did before apps declared their own: stored values never change."""

from typing import Any

from django.utils.translation import gettext_lazy as _

from haicap.core.audit_words import audit_words, names_by
from haicap.core.registry import AuditActions


class SimulateAudit(AuditActions):
    RUN = 700, _("Tạo dữ liệu mô phỏng")


def _run_name(run: Any) -> str:
    return f"{run.province_code} · {run.start:%d/%m/%Y}–{run.end:%d/%m/%Y}"


# how the audit log names a run (it showed "simulate.run 1")
audit_words("simulate.run", noun=_("Lần mô phỏng"), names=names_by("simulate.run", show=_run_name))
