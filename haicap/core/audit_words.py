"""The audit log in words: each app says how people know its objects, states and fields, and
the audit page shows "Hồ sơ 000.00.79.H29-261202-0001 · Tiếp nhận hồ sơ · Chờ xử lý → Đang
xử lý" instead of "dossiers.dossier 15029", `intake_accept`, "9 → 10".

An app registers its objects in its own `rights.py` (imported by its AppConfig.ready), so a
new module touches no core file::

    audit_words("units.unit", noun=_("Đơn vị"), names=names_by("units.unit", "full_name"))

A `core.workflow.Workflow` registers its record itself (noun, code, status labels and the
transitions' labels). `fields` names the keys of `data["before"]`/`data["after"]` so that a
settings change reads "Tiếp nhận trực tuyến: không → có"; `values` words a field's values.
Nothing here writes: the stored events keep their codes, the words are found when shown, in
the reader's language.
"""

from __future__ import annotations

from collections.abc import Callable, Collection, Iterable, Mapping
from dataclasses import dataclass, field
from typing import Any

from django.apps import apps
from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

from haicap.core.models import AuditEvent

Names = Callable[[Collection[str]], Mapping[str, str]]


@dataclass(frozen=True)
class AuditWords:
    noun: Any  # a lazily translated noun: "Hồ sơ", "Đơn vị"
    names: Names | None = None  # object ids → the name people know it by (one query per page)
    states: Callable[[str], Any] | None = None  # a stored state → its label
    actions: Mapping[str, Any] = field(default_factory=dict)  # "intake_accept" → label
    fields: Mapping[str, Any] = field(default_factory=dict)  # a data key → its label
    values: Mapping[str, Callable[[Any], Any]] = field(default_factory=dict)


_words: dict[str, AuditWords] = {}


def audit_words(model_label: str, **words: Any) -> AuditWords:
    """Declare how the audit log names objects of `model_label` ("app.model", lower case)."""
    entry = AuditWords(**words)
    _words[model_label.lower()] = entry
    return entry


def words_for(model_label: str) -> AuditWords | None:
    return _words.get(model_label)


def names_by(
    model_label: str,
    attribute: str = "",
    *,
    select: tuple[str, ...] = (),
    show: Callable[[Any], str] | None = None,
) -> Names:
    """A `names` look-up, one query for a page: each object's `attribute` (a field, property
    or dotted path such as "procedure.code"; empty: the object's str) or `show(object)`, with
    `select` related."""

    def name(row: Any) -> str:
        if show is not None:
            return show(row)
        value = row
        for part in attribute.split(".") if attribute else ():
            value = getattr(value, part)
        return str(value)

    def look_up(ids: Collection[str]) -> dict[str, str]:
        model = apps.get_model(model_label)
        keys = [i for i in ids if str(i).isdigit()] if _integer_pk(model) else list(ids)
        rows = model._default_manager.filter(pk__in=keys)
        if select:
            rows = rows.select_related(*select)
        return {str(row.pk): name(row) for row in rows}

    return look_up


def _integer_pk(model: Any) -> bool:
    return model._meta.pk.get_internal_type() in {
        "AutoField", "BigAutoField", "SmallAutoField", "IntegerField", "BigIntegerField",
    }


def yes_no(value: Any) -> str:
    return _("có") if value else _("không")


def value_words(words: AuditWords | None, key: str, value: Any) -> str:
    if value is None or value == "":
        return "—"
    if words is not None and key in words.values:
        return str(words.values[key](value))
    if isinstance(value, bool):
        return yes_no(value)
    return str(value)


@dataclass
class AuditRow:
    """One line of the audit page, in words."""

    event: AuditEvent
    action: str
    target: str
    change: str
    note: str


def _names(events: Iterable[AuditEvent]) -> dict[tuple[str, str], str]:
    wanted: dict[str, set[str]] = {}
    for event in events:
        if event.object_type and event.object_id:
            wanted.setdefault(event.object_type, set()).add(event.object_id)
    found: dict[tuple[str, str], str] = {}
    for label, ids in wanted.items():
        words = _words.get(label)
        if words is None or words.names is None:
            continue
        names = words.names(ids)
        found.update({(label, key): name for key, name in names.items()})
    return found


# what an event records that is not a record's status (a dossier's rating: satisfied or not),
# in words; an app adds its own with `other_states`
_OTHER_STATES: dict[str, Any] = {}


def other_states(labels: Mapping[str, Any]) -> None:
    _OTHER_STATES.update(labels)


def _state(words: AuditWords | None, value: str) -> str:
    if value in _OTHER_STATES:
        return str(_OTHER_STATES[value])
    if not value or words is None or words.states is None:
        return value
    try:
        return str(words.states(value))
    except (ValueError, KeyError, TypeError, ValidationError):
        return value  # a state the app no longer knows: shown as it was stored


def _target(event: AuditEvent, words: AuditWords | None, names: Mapping[tuple[str, str], str]) -> str:
    if not event.object_type:
        return ""
    if words is None:
        return f"{event.object_type} {event.object_id}".strip()
    name = names.get((event.object_type, event.object_id))
    if name is None:  # deleted since, or not named by the app: its number, with its noun
        name = f"#{event.object_id}" if event.object_id else ""
    return f"{words.noun} {name}".strip()


def _changes(words: AuditWords | None, data: Mapping[str, Any]) -> list[str]:
    before, after = data.get("before"), data.get("after")
    if not isinstance(before, dict) or not isinstance(after, dict):
        return []
    lines = []
    for key, new in after.items():
        old = before.get(key)
        if old == new:
            continue
        label = words.fields.get(key, key) if words is not None else key
        lines.append(f"{label}: {value_words(words, key, old)} → {value_words(words, key, new)}")
    return lines


def audit_rows(events: Iterable[AuditEvent]) -> list[AuditRow]:
    """The events in words, for the audit page (one look-up query per kind of object)."""
    events = list(events)
    names = _names(events)
    rows = []
    for event in events:
        words = _words.get(event.object_type)
        action, note = event.action_label, event.note
        head, sep, rest = note.partition(": ")
        code = head.rsplit(" ", 1)[-1]  # "intake_accept: …", or "<report code> forward: …"
        if words is not None and sep and code in words.actions:
            action, note = str(words.actions[code]), rest
        change = ""
        if event.from_state or event.to_state:
            states = [_state(words, s) for s in (event.from_state, event.to_state) if s]
            change = " → ".join(states)
        changes = _changes(words, event.data or {})
        if changes:
            change = "; ".join(filter(None, [change, *changes]))
        rows.append(AuditRow(event, action, _target(event, words, names), change, note))
    return rows

