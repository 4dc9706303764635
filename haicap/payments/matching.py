"""Which dossier a bank credit pays, decided from the memo's reference and the amount: one
definition, used by the statement import, the bank's notifications and the benchmark."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass
from typing import Any

from haicap.core.permissions import Scope
from haicap.dossiers.models import Dossier, Payment, Status
from haicap.payments.models import Reason, State
from haicap.payments.reference import dossier_id_of, references_in

# where a fee can still be paid (the sources of dossiers' payment_matched / payment_recorded)
PAYABLE = frozenset(
    {
        Status.REGISTERED,
        Status.ACCEPTED,
        Status.PROCESSING,
        Status.SUPPLEMENT,
        Status.AWAITING_PAYMENT,
    }
)
CHUNK = 2000
# what a decision reads of a dossier (and the import's step after it): only these are loaded
DECIDED_ON = (
    "code", "province_code", "status", "payment", "fee_vnd",
    "competent_unit__code", "competent_unit__province_code",
)


@dataclass(frozen=True)
class Decision:
    state: str  # State.MATCHED or State.UNMATCHED
    reason: str  # a Reason, "" when matched
    reference: str
    dossier: Any  # the dossier the reference names (also when unmatched), or None


def decide(
    amount: int, memo: str, dossiers: dict[int, Any], scope: Scope, paid: set[int]
) -> Decision:
    """The decision for one credit. `dossiers`: the looked-up dossiers by id (the province's
    only); `paid`: ids matched earlier in the same batch (a second transfer is a duplicate)."""
    refs = references_in(memo)
    if not refs:
        return Decision(State.UNMATCHED, Reason.NO_REFERENCE, "", None)
    known = [r for r in refs if dossier_id_of(r) in dossiers]
    if len(known) > 1:
        return Decision(State.UNMATCHED, Reason.MANY_REFERENCES, known[0], None)
    if not known:
        return Decision(State.UNMATCHED, Reason.UNKNOWN_REFERENCE, refs[0], None)
    ref = known[0]
    d = dossiers[dossier_id_of(ref)]  # type: ignore[index]
    reason = problem(d, amount, scope, paid)
    return Decision(State.UNMATCHED if reason else State.MATCHED, reason, ref, d)


def problem(d: Any, amount: int | None, scope: Scope, paid: set[int]) -> str:
    """Why this credit cannot pay dossier `d` ("" if it can); amount None: any amount."""
    if not scope.covers(province_code=d.province_code, unit_code=d.competent_unit.code):
        return Reason.OTHER_UNIT
    if d.payment == Payment.PAID or d.pk in paid:
        return Reason.ALREADY_PAID
    if d.status not in PAYABLE:
        return Reason.CLOSED
    if d.payment != Payment.UNPAID or not d.fee_vnd:
        return Reason.NOT_DUE
    if amount is not None and amount < d.fee_vnd:
        return Reason.PARTIAL
    if amount is not None and amount > d.fee_vnd:
        return Reason.OVERPAID
    return ""


def dossiers_named(memos: Iterable[str], province_code: str) -> dict[int, Any]:
    """Every dossier of the province a reference in the memos names, by id, in few queries."""
    ids = sorted({i for memo in memos for r in references_in(memo) if (i := dossier_id_of(r))})
    found: dict[int, Any] = {}
    for start in range(0, len(ids), CHUNK):
        rows = (
            Dossier.objects.filter(pk__in=ids[start : start + CHUNK], province_code=province_code)
            .select_related("competent_unit")
            .only(*DECIDED_ON)
        )
        found.update((d.pk, d) for d in rows)
    return found
