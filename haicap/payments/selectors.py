"""Reads of electronic fee payment, scoped to the units where the actor may see payments."""

from __future__ import annotations

from typing import Any

from django.db.models import Count, QuerySet
from django.utils.translation import gettext_lazy

from haicap.core.errors import NotFound
from haicap.core.permissions import Actor, scope_for
from haicap.core.search import search
from haicap.payments.models import BankTransaction, State, StatementImport
from haicap.payments.rights import PaymentPerm

NOT_FOUND = gettext_lazy("Không có giao dịch số {pk}.")
STATES = {"unmatched": State.UNMATCHED, "matched": State.MATCHED, "resolved": State.RESOLVED,
          "dismissed": State.DISMISSED}


def visible_transactions(actor: Actor) -> QuerySet[BankTransaction]:
    return BankTransaction.objects.filter(scope_for(actor, PaymentPerm.VIEW).q())


def transaction_list(actor: Actor, *, state: str = "", query: str = "") -> QuerySet[Any]:
    rows = visible_transactions(actor).select_related("dossier")
    if state in STATES:
        rows = rows.filter(state=STATES[state])
    # the memo, the bank's id and the reference (core.search; a transaction has no name)
    return search(rows, query, name=None, text="search", order=("-booked_at", "-pk"))


def state_counts(actor: Actor) -> dict[str, int]:
    counts = dict(
        visible_transactions(actor).values_list("state").annotate(n=Count("pk")).order_by()
    )
    return {key: counts.get(value, 0) for key, value in STATES.items()}


def transaction_for(actor: Actor, pk: int) -> BankTransaction:
    """One transaction, if the actor may see it (404 as a missing one otherwise)."""
    txn = visible_transactions(actor).select_related("dossier", "statement").filter(pk=pk).first()
    if txn is None:
        raise NotFound(NOT_FOUND.format(pk=pk))
    return txn


def recent_imports(actor: Actor, limit: int = 10) -> list[StatementImport]:
    return list(
        StatementImport.objects.filter(scope_for(actor, PaymentPerm.VIEW).q()).order_by("-at")[
            :limit
        ]
    )
