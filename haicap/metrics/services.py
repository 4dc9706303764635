"""The one write of the metrics app outside its counters: a province's targets."""

from __future__ import annotations

import datetime as dt
from decimal import Decimal, InvalidOperation

from django.db import transaction
from django.utils.translation import gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError
from haicap.core.permissions import Actor, require_permission
from haicap.metrics.models import Target
from haicap.metrics.rights import MetricsAudit, MetricsPerm

TARGET_CODES = ("online_share", "on_time", "processing_time_cut")
BAD_PERCENT = gettext_lazy("Chỉ tiêu «{code}» phải là phần trăm từ 1 đến 100 (nhận được «{value}»).")
BAD_BASELINE = gettext_lazy("Kỳ gốc phải có ngày đầu và ngày cuối (YYYY-MM-DD), ngày đầu trước ngày cuối.")


@transaction.atomic
def targets_set(
    *,
    actor: Actor,
    province_code: str,
    percents: dict[str, str],
    baseline_from: str = "",
    baseline_to: str = "",
) -> list[Target]:
    """Set a province's targets (percentages) and the baseline of the processing-time target."""
    require_permission(actor, MetricsPerm.MANAGE, province_code=province_code)
    values: dict[str, Decimal] = {}
    for code in TARGET_CODES:
        raw = str(percents.get(code, "")).strip().replace(",", ".")
        try:
            value = Decimal(raw)
        except InvalidOperation:
            raise ApplicationError(
                BAD_PERCENT.format(code=code, value=raw), extra={"field": code}, status=422
            ) from None
        if not Decimal(1) <= value <= Decimal(100):
            raise ApplicationError(
                BAD_PERCENT.format(code=code, value=raw), extra={"field": code}, status=422
            )
        values[code] = value / 100
    try:
        start = dt.date.fromisoformat(baseline_from)
        end = dt.date.fromisoformat(baseline_to)
    except ValueError:
        raise ApplicationError(BAD_BASELINE, extra={"field": "baseline_from"}, status=422) from None
    if end < start:
        raise ApplicationError(BAD_BASELINE, extra={"field": "baseline_to"}, status=422)
    saved = []
    for code, value in values.items():
        target, _ = Target.objects.update_or_create(
            province_code=province_code,
            code=code,
            defaults={
                "value": value,
                "baseline_from": start if code == "processing_time_cut" else None,
                "baseline_to": end if code == "processing_time_cut" else None,
            },
        )
        saved.append(target)
    audit_record(
        actor=actor,
        action=MetricsAudit.TARGETS_SET,
        obj=saved[0],
        province_code=province_code,
        note=", ".join(f"{t.code}={t.value}" for t in saved) + f"; kỳ gốc {start}–{end}",
    )
    return saved
