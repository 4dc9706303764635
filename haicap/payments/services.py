"""Writes of electronic fee payment: recording bank credits (a statement or a notification),
matching them to dossiers, resolving the unmatched by hand. Every write is audited."""

from __future__ import annotations

import datetime as dt
from collections.abc import Sequence

from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy

from haicap.core.audit import audit_event_build, audit_record
from haicap.core.errors import ApplicationError, Conflict, NotFound
from haicap.core.fielderrors import Collector
from haicap.core.models import AuditEvent
from haicap.core.permissions import Actor, require_permission, scope_for
from haicap.core.text import search_key
from haicap.core.workflow import SYSTEM, transition_apply, user_of
from haicap.dossiers.codes import by_code
from haicap.dossiers.models import Dossier, Status
from haicap.dossiers.workflow import FLOW
from haicap.payments.matching import decide, dossiers_named, problem
from haicap.payments.models import BankTransaction, Reason, Source, State, StatementImport
from haicap.payments.reference import dossier_id_of
from haicap.payments.rights import PaymentAudit, PaymentPerm
from haicap.payments.statements import Line, statement_lines
from haicap.units.models import Unit
from haicap.workdays.calendar import VN

NOTE_REQUIRED = gettext_lazy("Hãy ghi lý do (ví dụ: đã thu phần còn thiếu tại quầy, sẽ hoàn tiền thừa).")
NOT_UNMATCHED = gettext_lazy("Giao dịch {txn} đã được xử lý («{state}»).")
DOSSIER_UNKNOWN = gettext_lazy("Không có hồ sơ «{code}» trong phạm vi của bạn.")
CANNOT_PAY = gettext_lazy("Hồ sơ {code} không nhận khoản nộp này: {reason}.")
RECEIPT_SERIES = "BL{yy}"


def receipt_number(txn: BankTransaction) -> str:
    """The receipt's series (the year) and number (the transaction's row), e.g. BL26-0000123."""
    yy = txn.booked_at.astimezone(VN).strftime("%y")
    return f"{RECEIPT_SERIES.format(yy=yy)}-{txn.pk:07d}"


def _pay(txn: BankTransaction, dossier: Dossier, at: dt.datetime) -> None:
    """The dossier's fee paid by this transaction: the dossier's step, the receipt number."""
    txn.dossier, txn.unit_code = dossier, dossier.competent_unit.code
    txn.receipt_number = receipt_number(txn)
    action = "payment_matched" if dossier.status == Status.AWAITING_PAYMENT else "payment_recorded"
    transition_apply(
        FLOW,
        dossier,
        action=action,
        actor=SYSTEM,
        now=at,
        booked_at=txn.booked_at,
        transaction_id=txn.transaction_id,
        amount=txn.amount_vnd,
        receipt=txn.receipt_number,
    )


def _new_lines(lines: Sequence[Line], province_code: str) -> list[Line]:
    """The lines whose bank transaction is not recorded yet (each once, the first kept)."""
    ids = [line.transaction_id for line in lines]
    known: set[str] = set()
    for start in range(0, len(ids), 2000):
        known.update(
            BankTransaction.objects.filter(
                province_code=province_code, transaction_id__in=ids[start : start + 2000]
            ).values_list("transaction_id", flat=True)
        )
    fresh = []
    for line in lines:
        if line.transaction_id not in known:
            known.add(line.transaction_id)
            fresh.append(line)
    return fresh


def credits_record(
    lines: Sequence[Line], *, unit: Unit, source: str, actor: Actor, filename: str = ""
) -> StatementImport:
    """Record the credits not seen before and match each: the dossiers it pays move, the rest
    wait in the unmatched queue with their reason. Lines seen before change nothing."""
    require_permission(
        actor, PaymentPerm.IMPORT, province_code=unit.province_code, unit_code=unit.code
    )
    now = timezone.now()
    scope = scope_for(actor, PaymentPerm.IMPORT)
    with transaction.atomic():
        fresh = _new_lines(lines, unit.province_code)
        batch = StatementImport.objects.create(
            province_code=unit.province_code, unit_code=unit.code, source=source,
            filename=filename[:200], at=now, by=user_of(actor), lines=len(lines), new=len(fresh),
        )
        dossiers = dossiers_named((line.memo for line in fresh), unit.province_code)
        paid: set[int] = set()
        rows, matched = [], []
        for line in fresh:
            decision = decide(line.amount, line.memo, dossiers, scope, paid)
            txn = BankTransaction(
                province_code=unit.province_code, unit_code=unit.code,
                transaction_id=line.transaction_id, booked_at=line.booked_at,
                amount_vnd=line.amount, memo=line.memo, source=source, statement=batch,
                reference=decision.reference, state=decision.state, reason=decision.reason,
                dossier=decision.dossier, received_at=now,
                search=search_key(f"{line.memo} {line.transaction_id}")[:600],
            )
            rows.append(txn)
            if decision.state == State.MATCHED:
                paid.add(decision.dossier.pk)
                matched.append(txn)
        BankTransaction.objects.bulk_create(rows, batch_size=1000)
        if matched and matched[0].pk is None:  # a database that returns no ids
            ids = dict(
                BankTransaction.objects.filter(statement=batch).values_list("transaction_id", "pk")
            )
            for txn in matched:
                txn.pk = ids[txn.transaction_id]
        for txn in matched:
            _pay(txn, txn.dossier, now)  # type: ignore[arg-type]
        BankTransaction.objects.bulk_update(
            matched, ["receipt_number", "unit_code"], batch_size=1000
        )
        batch.matched, batch.queued = len(matched), len(rows) - len(matched)
        batch.save(update_fields=["matched", "queued"])
        _audit(batch, matched, actor)
    return batch


def _audit(batch: StatementImport, matched: list[BankTransaction], actor: Actor) -> None:
    action = (
        PaymentAudit.STATEMENT_IMPORTED
        if batch.source == Source.STATEMENT
        else PaymentAudit.NOTIFICATION_RECEIVED
    )
    events = [
        audit_event_build(
            actor=actor, action=action, obj=batch, province_code=batch.province_code,
            unit_code=batch.unit_code,
            note=f"{batch.filename} {batch.lines} dòng, {batch.new} mới, {batch.matched} khớp, "
            f"{batch.queued} chờ xử lý",
            data={"lines": batch.lines, "new": batch.new, "matched": batch.matched},
        )
    ]
    events += [
        audit_event_build(
            actor=actor, action=PaymentAudit.MATCHED, obj=txn, province_code=txn.province_code,
            unit_code=txn.unit_code, to_state=State.MATCHED,
            note=f"{txn.transaction_id} → {txn.dossier.code if txn.dossier else ''}",
            data={"amount": txn.amount_vnd, "receipt": txn.receipt_number},
        )
        for txn in matched
    ]
    AuditEvent.objects.bulk_create(events, batch_size=1000)


def statement_import(
    *, content: bytes, filename: str, unit: Unit, actor: Actor
) -> StatementImport:
    """A bank statement file (Excel or CSV): read, recorded, matched."""
    require_permission(
        actor, PaymentPerm.IMPORT, province_code=unit.province_code, unit_code=unit.code
    )
    return credits_record(
        statement_lines(content, filename),
        unit=unit,
        source=Source.STATEMENT,
        actor=actor,
        filename=filename,
    )


def _locked_unmatched(txn: BankTransaction, actor: Actor) -> BankTransaction:
    require_permission(
        actor, PaymentPerm.RESOLVE, province_code=txn.province_code, unit_code=txn.unit_code
    )
    txn = BankTransaction.objects.select_for_update().get(pk=txn.pk)
    if txn.state != State.UNMATCHED:
        raise Conflict(
            NOT_UNMATCHED.format(txn=txn.transaction_id, state=State(txn.state).label),
            extra={"state": txn.state},
        )
    return txn


def _note(note: str) -> str:
    note = " ".join(note.split())[:500]
    if not note:
        raise ApplicationError(NOTE_REQUIRED, extra={"field": "note"}, status=422)
    return note


def _dossier_named(code: str, txn: BankTransaction, actor: Actor) -> Dossier:
    code = code.strip()
    pk = dossier_id_of(code)
    query = Dossier.objects.select_related("competent_unit").filter(province_code=txn.province_code)
    dossier = (query.filter(pk=pk) if pk else query.filter(by_code(code))).first() if code else None
    scope = scope_for(actor, PaymentPerm.RESOLVE)
    if dossier is None or not scope.covers(
        province_code=dossier.province_code, unit_code=dossier.competent_unit.code
    ):
        raise NotFound(DOSSIER_UNKNOWN.format(code=code), extra={"field": "dossier"})
    return dossier


def transaction_resolve(
    txn: BankTransaction, *, dossier_code: str, note: str, actor: Actor
) -> BankTransaction:
    """The finance officer says which dossier an unmatched credit pays (the amount as it is,
    with the reason: the rest collected at the counter, the excess to be refunded)."""
    errors = Collector()  # a missing reason and an unknown dossier reported together
    note = errors.run(_note, note) or ""
    with transaction.atomic():
        txn = _locked_unmatched(txn, actor)
        try:
            dossier = _dossier_named(dossier_code, txn, actor)
        except NotFound as exc:
            if not errors:
                raise  # alone it stays the 404 it was
            errors.add("dossier", exc.message)
        errors.done()
        reason = problem(dossier, None, scope_for(actor, PaymentPerm.RESOLVE), set())
        if reason:
            raise Conflict(
                CANNOT_PAY.format(code=dossier.code, reason=Reason(reason).label),
                extra={"field": "dossier", "reason": reason},
            )
        now = timezone.now()
        before = txn.reason
        txn.state, txn.resolved_at, txn.resolved_by = State.RESOLVED, now, user_of(actor)
        txn.resolution_note = note
        _pay(txn, dossier, now)
        txn.save()
        audit_record(
            actor=actor, action=PaymentAudit.RESOLVED, obj=txn, province_code=txn.province_code,
            unit_code=txn.unit_code, from_state=f"{State.UNMATCHED}:{before}",
            to_state=State.RESOLVED, note=f"{txn.transaction_id} → {dossier.code}: {note}",
            data={"amount": txn.amount_vnd, "fee": dossier.fee_vnd, "receipt": txn.receipt_number},
        )
    return txn


def transaction_dismiss(txn: BankTransaction, *, note: str, actor: Actor) -> BankTransaction:
    """An unmatched credit that pays no dossier (to be refunded, or not a fee at all)."""
    note = _note(note)
    with transaction.atomic():
        txn = _locked_unmatched(txn, actor)
        txn.state, txn.resolved_at, txn.resolved_by = State.DISMISSED, timezone.now(), user_of(actor)
        txn.resolution_note = note
        txn.save()
        audit_record(
            actor=actor, action=PaymentAudit.DISMISSED, obj=txn, province_code=txn.province_code,
            unit_code=txn.unit_code, from_state=f"{State.UNMATCHED}:{txn.reason}",
            to_state=State.DISMISSED, note=f"{txn.transaction_id}: {note}",
        )
    return txn
