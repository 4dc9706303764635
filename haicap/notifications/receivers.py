"""The outbox listens to the one-stop shop and to feedback: each change a citizen should hear of
queues its message inside the writing transaction (dossiers.signals, feedback.signals), so that
a change rolled back sends nothing and a change committed is never left untold."""

from __future__ import annotations

from typing import Any

from haicap.dossiers.models import Status, SupplementRequest
from haicap.dossiers.signals import dossier_changed
from haicap.feedback.models import ReportStatus
from haicap.feedback.signals import report_changed
from haicap.notifications import outbox


def on_dossier_changed(sender: Any, before: Any, after: Any, **kwargs: Any) -> None:
    was = before.status if before is not None else None
    if after.status == was:
        if before is not None and after.apologized and not before.apologized:
            outbox.dossier_late(after)
        return
    if after.status == Status.ACCEPTED:
        outbox.dossier_received(after)
    elif after.status == Status.SUPPLEMENT:
        request = (
            SupplementRequest.objects.filter(dossier_id=after.pk, completed_at__isnull=True)
            .order_by("-at", "-pk")
            .first()
        )
        outbox.dossier_supplement(after, request.items if request else [])
    elif after.status == Status.PROCESSED:
        outbox.dossier_result_ready(after)


def on_report_changed(sender: Any, before: Any, after: Any, **kwargs: Any) -> None:
    was = before.status if before is not None else None
    if after.status == ReportStatus.ANSWERED and was != ReportStatus.ANSWERED:
        outbox.report_answered(after)


def connect() -> None:
    dossier_changed.connect(on_dossier_changed, dispatch_uid="notifications.dossier")
    report_changed.connect(on_report_changed, dispatch_uid="notifications.report")
