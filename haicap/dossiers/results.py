"""Electronic results: the PDF the processing officer attaches when completing a dossier, and who
may download it (officers of the dossier's units; the citizen with the tracking check once the
result is ready). The file lives under MEDIA_ROOT, which no URL serves."""

from __future__ import annotations

import copy
import datetime as dt
import hashlib

from django.conf import settings
from django.core.files.base import ContentFile
from django.db import transaction
from django.http import FileResponse
from django.utils import timezone
from django.utils.translation import gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError, Conflict, NotFound
from haicap.core.formatting import decimal
from haicap.core.permissions import Actor, require_permission
from haicap.core.workflow import user_of
from haicap.dossiers.models import Dossier, DossierResult, Status
from haicap.dossiers.rights import DossierAudit, DossierPerm
from haicap.dossiers.signals import dossier_changed

DEFAULT_MAX_BYTES = 20 * 1024 * 1024
RESULT_NOT_PDF = gettext_lazy("Tệp kết quả «{name}» không phải PDF hoàn chỉnh.")
RESULT_TOO_LARGE = gettext_lazy("Tệp kết quả «{name}» quá lớn ({size} MB); tối đa {most} MB.")
RESULT_EMPTY = gettext_lazy("Cần chọn tệp kết quả (PDF).")
RESULT_WHEN = gettext_lazy("Chỉ đính kèm kết quả khi hồ sơ đang xử lý hoặc đã xử lý xong (hiện: «{status}»).")
RESULT_NONE = gettext_lazy("Hồ sơ chưa có kết quả điện tử.")
# the statuses in which the officer may attach (or replace) the result, and the citizen get it
ATTACH_STATUSES = (Status.PROCESSING, Status.PROCESSED)
READY_STATUSES = (Status.PROCESSED, Status.RETURNED)


def max_result_bytes() -> int:
    return int(getattr(settings, "HAICAP_RESULT_MAX_BYTES", DEFAULT_MAX_BYTES))


def result_checked(name: str, content: bytes, *, field: str = "result") -> None:
    """A PDF within the size limit: starts with `%PDF-` and ends with `%%EOF` (a cut upload or
    another file renamed .pdf fails); otherwise a 422 naming the field and the file."""
    name = name or "ket-qua.pdf"
    most = max_result_bytes()
    if not content:
        raise ApplicationError(RESULT_EMPTY, extra={"field": field}, status=422)
    if len(content) > most:
        raise ApplicationError(
            RESULT_TOO_LARGE.format(
                name=name, size=decimal(len(content) / 1024 / 1024, 1), most=most // (1024 * 1024)
            ),
            extra={"field": field, "file": name},
            status=422,
        )
    if not content.startswith(b"%PDF-") or b"%%EOF" not in content[-1024:]:
        raise ApplicationError(
            RESULT_NOT_PDF.format(name=name), extra={"field": field, "file": name}, status=422
        )


def result_attach(
    dossier: Dossier, name: str, content: bytes, *, actor: Actor, now: dt.datetime | None = None
) -> DossierResult:
    """Attach (or replace, before return) the dossier's electronic result: the processing
    officer of the competent unit, while it is processing or processed; audited."""
    now = now or timezone.now()
    unit = dossier.competent_unit
    require_permission(
        actor, DossierPerm.PROCESS, province_code=unit.province_code, unit_code=unit.code
    )
    result_checked(name, content)
    with transaction.atomic():
        locked = Dossier.objects.select_for_update().get(pk=dossier.pk)
        if locked.status not in ATTACH_STATUSES:
            raise Conflict(RESULT_WHEN.format(status=Status(locked.status).label))
        previous = copy.copy(locked)
        digest = hashlib.sha256(content).hexdigest()
        result = DossierResult.objects.filter(dossier=locked).first() or DossierResult(
            dossier=locked
        )
        result.name, result.size, result.sha256 = (name or "ket-qua.pdf")[:200], len(content), digest
        result.uploaded_at, result.uploaded_by = now, user_of(actor)
        replaced = result.file.name if result.pk else ""
        result.file.save(f"{locked.code}-{digest[:16]}.pdf", ContentFile(content), save=False)
        result.save()
        if replaced and replaced != result.file.name:  # the old file goes once the new one stays
            storage = result.file.storage
            transaction.on_commit(lambda: storage.delete(replaced))
        locked.result_at = now
        locked.save(update_fields=["result_at"])
        dossier_changed.send(Dossier, before=previous, after=locked)
        audit_record(
            actor=actor,
            action=DossierAudit.RESULT_ATTACHED,
            obj=locked,
            province_code=locked.province_code,
            unit_code=unit.code,
            note=f"{locked.code}: {result.name} ({len(content)} byte, sha256 {digest[:16]})",
        )
    dossier.result_at = now
    return result


def result_of(dossier: Dossier) -> DossierResult:
    result = DossierResult.objects.filter(dossier=dossier).first()
    if result is None:
        raise NotFound(RESULT_NONE)
    return result


def result_response(result: DossierResult) -> FileResponse:
    response = FileResponse(result.file.open("rb"), content_type="application/pdf")
    response["Content-Disposition"] = f'attachment; filename="ket-qua-{result.dossier.code}.pdf"'
    response["X-Content-Type-Options"] = "nosniff"
    return response


def result_for_citizen(dossier: Dossier) -> DossierResult:
    """The result a citizen who passed the tracking check may download: once ready (processed
    or returned); before that, or without one, the same 404 as a missing file; audited."""
    if dossier.status not in READY_STATUSES:
        raise NotFound(RESULT_NONE)
    result = result_of(dossier)
    audit_record(
        actor=None,
        action=DossierAudit.RESULT_DOWNLOADED,
        obj=dossier,
        province_code=dossier.province_code,
        unit_code=dossier.return_unit.code,
        note=f"{dossier.code}: {result.name}",
    )
    return result


def result_for_owner(actor: Actor, code: str) -> DossierResult:
    """The result of a dossier the signed-in citizen filed online themselves, once returned;
    any other dossier, or before return, the same 404 as a missing one; audited."""
    from haicap.dossiers.codes import by_code
    from haicap.dossiers.models import Channel

    dossier = (
        Dossier.objects.select_related("return_unit")
        .filter(by_code(code), channel=Channel.ONLINE, created_by_id=actor.pk)
        .first()
        if actor.is_authenticated
        else None
    )
    if dossier is None or dossier.status != Status.RETURNED:
        raise NotFound(RESULT_NONE)
    return result_for_citizen(dossier)


def result_ready(dossier: Dossier) -> bool:
    return dossier.result_at is not None and dossier.status in READY_STATUSES
