"""A province's settings in bulk: export the sheet, check an uploaded one (every error by line
and column, and what would change: before → after), apply it in one transaction.

The comparison is made on the settings in force (`selectors.settings_from`), so the sheet just
exported changes nothing when it comes back, and the same file applied twice changes nothing the
second time. Only the procedures that change are written. Applying is audited once, with the
count and the file's SHA-256."""

from __future__ import annotations

import hashlib
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from haicap.core.audit import audit_record
from haicap.core.errors import ApplicationError, Conflict, NotFound, PermissionDenied
from haicap.core.permissions import PERMISSION_DENIED, Actor, require_permission, scope_for
from haicap.core.ttlcache import clear_all_caches
from haicap.core.workflow import SystemActor
from haicap.procedures.models import OnlineLevel, Procedure, ProvinceProcedure, SettingsUpload
from haicap.procedures.rights import ProcedureAudit, ProcedurePerm
from haicap.procedures.selectors import Settings, province_settings_all, settings_from
from haicap.procedures.services import FULL_ONLINE_NEEDS_ONLINE, ONLINE_NEEDS_VERIFIED_TIME
from haicap.procedures.settings_sheet import (
    SheetError,
    SheetRow,
    SheetUnreadable,
    sheet_read,
    sheet_write,
)

Progress = Callable[[int, int], None]
MAX_UPLOAD_BYTES = 5 * 1024 * 1024
NOT_XLSX = gettext_lazy("Tệp không phải bảng tính Excel (.xlsx) đọc được.")
TOO_BIG = gettext_lazy("Tệp lớn hơn 5 MB.")
UPLOAD_NOT_FOUND = gettext_lazy("Không tìm thấy bảng cấu hình đã tải lên.")
HAS_ERRORS = gettext_lazy("Bảng còn {n} lỗi; sửa rồi tải lên lại. Chưa thay đổi gì.")
ALREADY_APPLIED = gettext_lazy("Bảng này đã được áp dụng lúc {at}.")
FIELDS = ("offered", "boundary_free", "online_level", "time_value", "time_unit", "time_verified",
          "fee_vnd")  # fmt: skip


@dataclass(frozen=True)
class Change:
    code: str
    name: str
    line: int
    before: Settings
    after: Settings
    values: dict[str, Any]  # what the configuration stores

    def differences(self) -> list[tuple[str, Any, Any]]:
        """(field, before, after) for each setting that changes."""
        return [
            (name, getattr(self.before, name), getattr(self.after, name))
            for name in Settings.__dataclass_fields__
            if getattr(self.before, name) != getattr(self.after, name)
        ]


@dataclass
class Check:
    province_code: str
    rows: int = 0
    errors: list[SheetError] = field(default_factory=list)
    changes: list[Change] = field(default_factory=list)

    @property
    def ok(self) -> bool:
        return not self.errors


def _may_manage(actor: Actor, province_code: str) -> None:
    if not isinstance(actor, SystemActor):  # the CLI runs as the system operator
        require_permission(actor, ProcedurePerm.MANAGE, province_code=province_code)


def settings_export(province_code: str, *, actor: Actor, level: str = "") -> bytes:
    _may_manage(actor, province_code)
    procedures = Procedure.objects.defer("raw", "search_key").order_by("code")
    if level:
        procedures = procedures.filter(level_codes__contains=level)
    listed = list(procedures)
    settings = province_settings_all(province_code, listed)
    return sheet_write(province_code, ((p, settings[p.pk]) for p in listed))


def _config(province_code: str, procedure: Procedure, values: dict[str, Any]) -> ProvinceProcedure:
    return ProvinceProcedure(province_code=province_code, procedure=procedure, **values)


def _pair_checks(row: SheetRow) -> None:
    """Checks of a row's values together, whatever its procedure."""
    v = row.values
    if "time_value" in v and "time_unit" in v and bool(v["time_value"]) != bool(v["time_unit"]):
        missing = "time_unit" if v["time_value"] else "time_value"
        row.error(missing, "Thời hạn cần cả số và đơn vị.")
    if v.get("time_verified") and "time_value" in v and not v["time_value"]:
        row.error("time_verified", "Đã kiểm chứng thì phải ghi thời hạn (số và đơn vị).")


def _row_values(row: SheetRow, procedure: Procedure) -> dict[str, Any] | None:
    """The configuration a row asks for, or None after noting its errors."""
    v = row.values
    if v.get("online_level") == OnlineLevel.FULL and not procedure.online_available:
        row.error("online_level", str(FULL_ONLINE_NEEDS_ONLINE))
    if row.errors:
        return None
    values = {name: v[name] for name in FIELDS}
    values["time_value"] = values["time_value"] or None
    verified = settings_from(procedure, _config("", procedure, values)).time_verified
    if values["online_level"] != OnlineLevel.NONE and not verified:
        row.error("online_level", ONLINE_NEEDS_VERIFIED_TIME.format(code=procedure.code))
        return None
    return values


def settings_check(province_code: str, content: bytes, progress: Progress | None = None) -> Check:
    """Every error of the sheet, and the changes it would make to the settings in force."""
    check = Check(province_code)
    try:
        rows, problems = sheet_read(content, province_code)
    except SheetUnreadable:
        raise ApplicationError(NOT_XLSX, extra={"field": "file"}, status=422) from None
    check.errors.extend(problems)
    check.rows = len(rows)
    procedures = {
        p.code: p
        for p in Procedure.objects.defer("raw", "search_key").filter(code__in=[r.code for r in rows])
    }
    in_force = province_settings_all(province_code, procedures.values())
    seen: dict[str, int] = {}
    for done, row in enumerate(rows, start=1):
        procedure = procedures.get(row.code)
        if row.code and procedure is None:
            row.error("code", f"Không có thủ tục mã «{row.code}» trong danh mục.")
        elif row.code in seen:
            row.error("code", f"Mã «{row.code}» đã có ở dòng {seen[row.code]}.")
        seen.setdefault(row.code, row.line)
        _pair_checks(row)
        values = _row_values(row, procedure) if procedure is not None else None
        check.errors.extend(row.errors)
        if values is not None and procedure is not None:
            after = settings_from(procedure, _config(province_code, procedure, values))
            if after != in_force[procedure.pk]:
                check.changes.append(
                    Change(row.code, procedure.name, row.line, in_force[procedure.pk], after, values)
                )
        if progress and done % 200 == 0:
            progress(done, len(rows))
    if progress:
        progress(len(rows), len(rows))
    return check


def _write(check: Check, actor: Actor) -> None:
    """Upsert the changed procedures' configuration (inside the caller's transaction)."""
    province = check.province_code
    codes = [c.code for c in check.changes]
    procedures = {p.code: p for p in Procedure.objects.only("pk", "code").filter(code__in=codes)}
    existing = {
        c.procedure_id: c
        for c in ProvinceProcedure.objects.select_for_update().filter(
            province_code=province, procedure__in=procedures.values()
        )
    }
    user = actor if actor.is_authenticated and not isinstance(actor, SystemActor) else None
    now = timezone.now()
    update: list[ProvinceProcedure] = []
    create: list[ProvinceProcedure] = []
    for change in check.changes:
        procedure = procedures[change.code]
        config = existing.get(procedure.pk) or _config(province, procedure, {})
        for name, value in change.values.items():
            setattr(config, name, value)
        config.updated_by, config.updated_at = user, now  # type: ignore[assignment]
        (update if config.pk else create).append(config)
    ProvinceProcedure.objects.bulk_update(update, [*FIELDS, "updated_by", "updated_at"], batch_size=500)
    ProvinceProcedure.objects.bulk_create(create, batch_size=500)


def settings_apply(
    province_code: str, content: bytes, *, actor: Actor, filename: str = "", progress: Progress | None = None
) -> Check:
    """Check the sheet against the settings in force now and apply all of it, or nothing."""
    _may_manage(actor, province_code)
    with transaction.atomic():
        check = settings_check(province_code, content, progress)
        if not check.ok:
            raise ApplicationError(
                HAS_ERRORS.format(n=len(check.errors)),
                extra={"field": "file", "errors": [str(e) for e in check.errors[:50]]},
                status=422,
            )
        _write(check, actor)
        clear_all_caches()
        transaction.on_commit(clear_all_caches)
        audit_record(
            actor=actor,
            action=ProcedureAudit.SETTINGS_APPLIED,
            province_code=province_code,
            note=f"Áp dụng bảng cấu hình «{filename}»: {len(check.changes)}/{check.rows} thủ tục "
            f"thay đổi; SHA-256 {digest_of(content)}",
            data={
                "digest": digest_of(content),
                "rows": check.rows,
                "changes": len(check.changes),
                "codes": [c.code for c in check.changes],
            },
        )
    return check


def digest_of(content: bytes) -> str:
    return hashlib.sha256(content).hexdigest()


# --- the pages' uploads: checked on upload, applied from the preview -----------------------


def settings_upload(province_code: str, content: bytes, *, filename: str, actor: Actor) -> SettingsUpload:
    """Keep an uploaded sheet with the counts of its check (its preview); nothing is applied."""
    _may_manage(actor, province_code)
    if len(content) > MAX_UPLOAD_BYTES:
        raise ApplicationError(TOO_BIG, extra={"field": "file"}, status=422)
    check = settings_check(province_code, content)
    upload = SettingsUpload.objects.create(
        province_code=province_code,
        filename=filename[:200],
        digest=digest_of(content),
        content=content,
        rows=check.rows,
        errors=len(check.errors),
        changes=len(check.changes),
        uploaded_by=actor if actor.is_authenticated else None,  # type: ignore[misc]
    )
    audit_record(
        actor=actor,
        action=ProcedureAudit.SETTINGS_UPLOADED,
        obj=upload,
        province_code=province_code,
        note=f"Tải lên «{upload.filename}»: {check.rows} dòng, {upload.errors} lỗi, "
        f"{upload.changes} thay đổi; SHA-256 {upload.digest}",
        data={"digest": upload.digest, "rows": check.rows, "errors": upload.errors},
    )
    return upload


def upload_for(actor: Actor, pk: int) -> SettingsUpload:
    """An upload of a province the actor manages; any other answers as a missing one."""
    scope = scope_for(actor, ProcedurePerm.MANAGE)
    if scope.empty:
        raise PermissionDenied(PERMISSION_DENIED)
    upload = SettingsUpload.objects.filter(pk=pk).first()
    if upload is None or not (scope.everything or upload.province_code in scope.province_codes):
        raise NotFound(UPLOAD_NOT_FOUND, extra={"upload": pk})
    return upload


def upload_check(upload: SettingsUpload) -> Check:
    return settings_check(upload.province_code, bytes(upload.content))


def upload_apply(upload: SettingsUpload, *, actor: Actor) -> Check:
    with transaction.atomic():
        locked = SettingsUpload.objects.select_for_update().get(pk=upload.pk)
        if locked.applied_at is not None:
            raise Conflict(ALREADY_APPLIED.format(at=timezone.localtime(locked.applied_at)))
        check = settings_apply(
            locked.province_code, bytes(locked.content), actor=actor, filename=locked.filename
        )
        locked.applied_at, locked.applied_changes = timezone.now(), len(check.changes)
        locked.applied_by = actor if actor.is_authenticated else None  # type: ignore[assignment]
        locked.content = b""  # applied: the digest and the audit event remain
        locked.save(update_fields=["applied_at", "applied_changes", "applied_by", "content"])
    return check
