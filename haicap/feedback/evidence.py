"""Files with feedback: the photos a citizen sends with a report, and the evidence an officer
uploads before answering (the answer requires at least one). Checked by core.uploads, shared by
the pages and the REST API."""

from __future__ import annotations

from collections.abc import Sequence

from django.core.files.base import ContentFile
from django.core.files.uploadedfile import UploadedFile
from django.db import transaction
from django.utils.translation import gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError, Conflict, PermissionDenied
from haicap.core.permissions import PERMISSION_DENIED, Actor
from haicap.core.uploads import uploads_checked
from haicap.feedback.limits import MAX_PHOTOS
from haicap.feedback.models import Evidence, Report
from haicap.feedback.models import ReportStatus as S
from haicap.feedback.rights import FeedbackAudit
from haicap.feedback.workflow import FLOW, TRANSITIONS

NO_FILES = gettext_lazy("Cần tải lên ít nhất một tệp minh chứng (PDF, JPEG hoặc PNG).")
NOT_ANSWERABLE = gettext_lazy("Phản ánh {code} đang «{status}»: không thể thêm minh chứng trả lời.")


def evidence_build(
    files: Sequence[UploadedFile], *, field: str = "photos", kind: str = "report"
) -> list[Evidence]:
    """Evidence rows for checked uploads, their files stored, not yet saved (no report yet)."""
    evidence = []
    for upload in uploads_checked(files, field=field, limit=MAX_PHOTOS):
        item = Evidence(kind=kind, content_type=upload.content_type, size=len(upload.content))
        item.file.save((upload.name or "anh")[-60:], ContentFile(upload.content), save=False)
        evidence.append(item)
    return evidence


def may_answer(report: Report, actor: Actor) -> bool:
    """Whether `actor` may answer `report`, as the workflow checks it."""
    return FLOW.permitted(report, TRANSITIONS["answer"], actor)


def answer_evidence_add(
    report: Report, *, actor: Actor, files: Sequence[UploadedFile], field: str = "evidence"
) -> list[Evidence]:
    """Store evidence for the answer to `report` (before the answer action), audited. Scoped
    like answering: 403 outside the responsible unit, 409 when the report cannot be answered,
    422 naming `field` for no file or a bad one."""
    if not may_answer(report, actor):
        raise PermissionDenied(PERMISSION_DENIED, extra={"permission": TRANSITIONS["answer"].perm})
    if report.status not in TRANSITIONS["answer"].sources:
        raise Conflict(
            NOT_ANSWERABLE.format(code=report.code, status=S(report.status).label),
            extra={"status": report.status},
        )
    if not files:
        raise ApplicationError(NO_FILES, extra={"field": field}, status=422)
    evidence = evidence_build(files, field=field, kind="answer")
    with transaction.atomic():
        for item in evidence:
            item.report = report
            item.save()
        audit_record(
            actor=actor,
            action=FeedbackAudit.EVIDENCE_ADDED,
            obj=report,
            province_code=report.province_code,
            unit_code=report.responsible_unit_code,
            from_state=report.status,
            to_state=report.status,
            note=f"{report.code}: tải lên {len(evidence)} minh chứng trả lời",
            data={"step": "answer_evidence", "evidence": [item.pk for item in evidence]},
        )
    return evidence
