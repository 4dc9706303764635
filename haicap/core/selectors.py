"""Reads of the core: the audit log, scoped to what the actor may see."""

from __future__ import annotations

from django.db.models import Q, QuerySet

from haicap.core.models import AuditEvent
from haicap.core.permissions import Scope


def audit_events(*, scope: Scope, query: str = "") -> QuerySet[AuditEvent]:
    events = AuditEvent.objects.filter(scope.q()).select_related("actor")
    if query:
        events = events.filter(
            Q(actor_label__icontains=query) | Q(note__icontains=query) | Q(object_id=query)
        )
    return events.order_by("-at", "-id")
