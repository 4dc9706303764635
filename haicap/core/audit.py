"""The one helper that writes audit events; every service calls it inside its transaction."""

from __future__ import annotations

from typing import Any

from django.contrib.auth.models import AbstractBaseUser, AnonymousUser
from django.db import models

from haicap.core.logging import mask_personal_data
from haicap.core.models import AuditEvent
from haicap.core.registry import AuditActions


def audit_event_build(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: AuditActions,
    obj: models.Model | None = None,
    province_code: str = "",
    unit_code: str = "",
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    """The audit event, not yet saved (for callers that write it with other rows at once)."""
    user = actor if actor is not None and actor.is_authenticated else None
    label = user.get_username() if user is not None else "system"
    return AuditEvent(
        actor=user,  # type: ignore[misc]
        actor_label=label,
        action=action,
        object_type=obj._meta.label_lower if obj is not None else "",
        object_id=str(obj.pk) if obj is not None and obj.pk is not None else "",
        province_code=province_code,
        unit_code=unit_code,
        from_state=from_state,
        to_state=to_state,
        note=mask_personal_data(note),
        data=data or {},
    )


def audit_record(
    *,
    actor: AbstractBaseUser | AnonymousUser | None,
    action: AuditActions,
    obj: models.Model | None = None,
    province_code: str = "",
    unit_code: str = "",
    from_state: str = "",
    to_state: str = "",
    note: str = "",
    data: dict[str, Any] | None = None,
) -> AuditEvent:
    event = audit_event_build(
        actor=actor,
        action=action,
        obj=obj,
        province_code=province_code,
        unit_code=unit_code,
        from_state=from_state,
        to_state=to_state,
        note=note,
        data=data,
    )
    event.save()
    return event
