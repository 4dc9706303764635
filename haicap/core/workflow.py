"""One workflow engine for every record that moves through states (dossiers, reports, and the
modules to come).

A module describes its workflow as data: a table of `Transition`s (from which states, to which,
the permission and the unit at which the actor must hold it, the parameters the action takes)
and one effect per action (what the action does beyond the state). `transition_apply` does the
rest the same way for all: it locks the row, checks the state and then the actor's role at the
unit, runs the effect, writes the history line and the audit event in one transaction, tells the
module's readers by signal, and raises a 409 naming the allowed actions when the state is wrong
(only to an actor who may act on the record at all: anyone else gets the 403 first).
See docs/modules.md.
"""

from __future__ import annotations

import copy
import datetime as dt
from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Any, ClassVar

from django.contrib.auth.models import AnonymousUser
from django.db import models, transaction
from django.dispatch import Signal
from django.utils import timezone
from django.utils.translation import gettext_lazy

from haicap.core.audit import audit_event_build
from haicap.core.audit_words import audit_words, names_by
from haicap.core.errors import ApplicationError, Conflict, PermissionDenied
from haicap.core.models import AuditEvent
from haicap.core.permissions import PERMISSION_DENIED, Actor, has_permission

UNKNOWN_ACTION = gettext_lazy("Thao tác «{action}» không tồn tại.")
WRONG_STATE = gettext_lazy("{record} {code} đang «{status}»: không thể «{action}». Thao tác được phép: {allowed}.")
NONE_ALLOWED = gettext_lazy("không có")
SYSTEM_ONLY = gettext_lazy("Chỉ hệ thống mới thực hiện được thao tác này.")


class SystemActor(AnonymousUser):
    """The platform itself acting (escalations, the simulator, routing): never a user, holds
    no permission, and is named in history lines and audit events as the system."""

    label = "hệ thống"  # vi-only: stored as the history line's actor

    def __str__(self) -> str:
        return "system"

    def get_username(self) -> str:
        return self.label


SYSTEM = SystemActor()

# where an action is done from, besides a unit of the record
BY_SYSTEM = "system"  # only SYSTEM may do it
BY_HOLDER = "holder"  # a check of the module's own (e.g. the citizen's private token)


@dataclass(frozen=True)
class Transition:
    """One action: from which states, to which (None: the state stays, a recorded step), the
    permission, the record's unit at which the actor must hold it, its label and the parameters
    its effect reads (the engine passes it those alone)."""

    sources: frozenset[Any]
    target: Any | None
    perm: str
    unit: str
    label: Any  # a lazily translated string
    params: tuple[str, ...] = ()


@dataclass
class Step:
    """What an effect did, for the history line: a note, the step's data, and whether the step
    is shown to the public (where the module has a public timeline)."""

    note: str = ""
    data: dict[str, Any] = field(default_factory=dict)
    public: bool = True


Effect = Callable[[Any, dt.datetime, Actor, dict[str, Any]], Step]


def user_of(actor: Actor | None) -> Any:
    """The signed-in user behind an actor, or None (anonymous citizen, the system)."""
    return actor if actor is not None and actor.is_authenticated else None


class Workflow:
    """A module's workflow; subclass it with the module's table, effects and record types."""

    model: ClassVar[type[models.Model]]
    history: ClassVar[type[Any]]  # a subclass of core.history.HistoryEvent
    record_field: ClassVar[str]  # the history model's foreign key to the record
    transitions: ClassVar[dict[str, Transition]]
    effects: ClassVar[dict[str, Effect]]
    audit_created: ClassVar[int]
    audit_transition: ClassVar[int]
    changed: ClassVar[Signal]
    # the labels of steps that are not transitions (creation, merging), for the audit log
    action_labels: ClassVar[dict[str, Any]] = {}
    record_name: ClassVar[Any]  # a lazy "Hồ sơ", "Phản ánh": the start of the 409 message
    related: ClassVar[tuple[str, ...]] = ()
    anonymous_label: ClassVar[str] = "hệ thống"  # vi-only: stored with the history line

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        if hasattr(cls, "transitions") and hasattr(cls, "effects"):
            missing = set(cls.transitions) ^ set(cls.effects)
            if missing:  # checked when the module is imported, not only under tests
                raise TypeError(f"{cls.__name__}: actions without an effect or entry: {missing}")

    def __init__(self) -> None:
        """The module's one instance (`FLOW`) names its records in the audit log: the noun,
        the record's code, the status labels and each transition's label (core.audit_words)."""
        model = getattr(self, "model", None)
        if model is None:
            return
        label = model._meta.label_lower
        status = model._meta.get_field("status")
        audit_words(
            label,
            noun=self.record_name,
            names=names_by(label, "code"),
            states=lambda value: self.status_label(status.to_python(value)),
            actions={
                **self.action_labels,
                **{name: t.label for name, t in self.transitions.items()},
            },
        )

    # --- what each module says about its records --------------------------------------------

    def status_label(self, status: Any) -> str:
        raise NotImplementedError

    def holder(self, record: Any) -> str:
        """The code of the unit that holds the record now (history and audit lines)."""
        raise NotImplementedError

    def unit_of(self, record: Any, transition: Transition) -> tuple[str, str]:
        """(province code, unit code) at which the actor must hold the transition's permission;
        an empty unit code means the province as a whole."""
        raise NotImplementedError

    def authorize_other(
        self, record: Any, transition: Transition, actor: Actor | None, params: dict[str, Any]
    ) -> None:
        """The check for a transition done from `BY_HOLDER` (the module defines it)."""
        raise PermissionDenied(PERMISSION_DENIED)

    def actor_label(self, actor: Actor | None, action: str) -> str:
        user = user_of(actor)
        if user is not None:
            return str(user.get_username())
        if isinstance(actor, SystemActor):
            return SystemActor.label
        return self.anonymous_label

    # --- the engine's parts, shared by every module -------------------------------------------

    def permitted(self, record: Any, transition: Transition, actor: Actor | None) -> bool:
        if transition.unit in (BY_SYSTEM, BY_HOLDER) or actor is None:
            return False
        province, unit = self.unit_of(record, transition)
        return has_permission(actor, transition.perm, province_code=province, unit_code=unit)

    def authorize(
        self, record: Any, transition: Transition, actor: Actor | None, params: dict[str, Any]
    ) -> None:
        if transition.unit == BY_SYSTEM:
            if not isinstance(actor, SystemActor):
                raise PermissionDenied(SYSTEM_ONLY)
        elif transition.unit == BY_HOLDER:
            self.authorize_other(record, transition, actor, params)
        elif not self.permitted(record, transition, actor):
            raise PermissionDenied(PERMISSION_DENIED, extra={"permission": transition.perm})

    def may_act_on(self, record: Any, actor: Actor | None) -> bool:
        """Whether the actor may do any officers' action on the record, in any state."""
        return any(
            self.permitted(record, t, actor)
            for t in self.transitions.values()
            if t.unit not in (BY_SYSTEM, BY_HOLDER)
        )

    def authorize_to_ask(
        self, record: Any, transition: Transition, actor: Actor | None, params: dict[str, Any]
    ) -> None:
        """Before the state is told (a 409 says it): who may do nothing with the record, nor
        this step as the system or the holder, is refused without learning it."""
        if transition.unit in (BY_SYSTEM, BY_HOLDER):
            self.authorize(record, transition, actor, params)
        elif not self.may_act_on(record, actor):
            raise PermissionDenied(PERMISSION_DENIED, extra={"permission": transition.perm})

    def possible(self, record: Any) -> list[str]:
        """The actions the record's state allows, whoever asks."""
        return [name for name, t in self.transitions.items() if record.status in t.sources]

    def allowed(self, record: Any, actor: Actor | None) -> list[str]:
        """The actions the record's state allows that this actor may do."""
        return [n for n in self.possible(record) if self.permitted(record, self.transitions[n], actor)]

    def conflict_actions(self, record: Any, actor: Actor | None) -> list[str]:
        """What the 409 answer lists: by default every action the state allows."""
        return self.possible(record)

    def lock(self, record: Any) -> Any:
        query = self.model._default_manager.select_for_update()
        if self.related:
            query = query.select_related(*self.related)
        return query.get(pk=record.pk)

    def rows(
        self,
        record: Any,
        *,
        action: str,
        actor: Actor | None,
        at: dt.datetime,
        from_status: Any,
        from_unit: str = "",
        to_status: Any = None,
        step: Step | None = None,
    ) -> tuple[Any, AuditEvent]:
        """The history line and the audit event of one step, not yet saved (creation writes
        them together with the record); `from_status` None means the record is new."""
        step = step or Step()
        to_status = record.status if to_status is None else to_status
        extra = {"public": step.public} if self._has_public else {}
        event = self.history(
            **{self.record_field: record if record.pk else None},
            at=at,
            action=action,
            from_status=from_status if from_status is not None else self._no_status,
            to_status=to_status,
            from_unit_code=from_unit,
            to_unit_code=self.holder(record),
            actor=user_of(actor),
            actor_label=self.actor_label(actor, action),
            note=step.note,
            data=step.data,
            province_code=record.province_code,
            **extra,
        )
        audit = audit_event_build(
            actor=actor,
            action=self.audit_created if from_status is None else self.audit_transition,  # type: ignore[arg-type]
            obj=record,
            province_code=record.province_code,
            unit_code=self.holder(record),
            from_state="" if from_status is None else str(from_status),
            to_state=str(to_status),
            note=f"{action}: {step.note}",
        )
        return event, audit

    @property
    def _has_public(self) -> bool:
        return any(f.name == "public" for f in self.history._meta.fields)

    @property
    def _no_status(self) -> Any:
        field = self.history._meta.get_field("from_status")
        return None if getattr(field, "null", False) else ""

    def save_rows(self, record: Any, event: Any, audit: AuditEvent) -> None:
        if getattr(event, self.record_field + "_id") is None:
            setattr(event, self.record_field, record)
        event.save()
        audit.object_id = str(record.pk)
        audit.note = f"{record.code} {audit.note}"[:2000]
        audit.save()


def transition_apply(
    flow: Workflow,
    record: Any,
    *,
    action: str,
    actor: Actor | None,
    now: dt.datetime | None = None,
    **params: Any,
) -> Any:
    """Apply one action of the module's table to the record; the record as it is after it."""
    transition = flow.transitions.get(action)
    if transition is None:
        raise ApplicationError(
            UNKNOWN_ACTION.format(action=action),
            extra={"allowed_actions": list(flow.transitions)},
            status=400,
        )
    now = now or timezone.now()
    with transaction.atomic():
        record = flow.lock(record)
        flow.authorize_to_ask(record, transition, actor, params)
        if record.status not in transition.sources:
            allowed = flow.conflict_actions(record, actor)
            raise Conflict(
                WRONG_STATE.format(
                    record=flow.record_name,
                    code=record.code,
                    status=flow.status_label(record.status),
                    action=transition.label,
                    allowed=", ".join(allowed) or NONE_ALLOWED,
                ),
                extra={"status": record.status, "allowed_actions": allowed},
            )
        flow.authorize(record, transition, actor, params)
        before, holder_before = record.status, flow.holder(record)
        previous = copy.copy(record)
        # the effect sees the parameters its action declares, nothing a form or API sent besides
        given = {k: v for k, v in params.items() if k in transition.params}
        step = flow.effects[action](record, now, actor, given)  # type: ignore[arg-type]
        if transition.target is not None:
            record.status = transition.target
        record.save()
        flow.changed.send(flow.model, before=previous, after=record)
        event, audit = flow.rows(
            record,
            action=action,
            actor=actor,
            at=now,
            from_status=before,
            from_unit=holder_before,
            step=step,
        )
        flow.save_rows(record, event, audit)
    return record
