"""Where apps declare their audit actions and permissions, so a new module touches no core file.

An app declares, in `haicap/<app>/rights.py` (imported by its AppConfig.ready)::

    class DossierAudit(AuditActions):
        CREATED = 500, _("Tạo hồ sơ")

    class DossierPerm(Permissions):
        VIEW = "dossiers.view", _("Xem hồ sơ")

    grant(Role.COUNTER_OFFICER, DossierPerm.VIEW)

Subclasses register themselves when defined. Audit values are grouped by hundreds per module
(core 1xx, units 2xx, …) and are stored in `AuditEvent.action`, so a value never changes once
used; two apps may not use the same value (checked when core is ready, by `manage.py check`
and at the first look-up). A system administrator holds every registered permission.
"""

from __future__ import annotations

from collections.abc import Iterator, Mapping
from typing import Any

from django.core.exceptions import ImproperlyConfigured
from django.db import models

from haicap.core.roles import Role

_audit_classes: list[type[AuditActions]] = []
_permission_classes: list[type[Permissions]] = []
_grants: dict[str, set[str]] = {}
# built at first look-up from the classes above (their members do not exist yet when
# __init_subclass__ runs), and dropped whenever a class registers or a role is granted
_cache: dict[str, Any] = {}


class AuditActions(models.IntegerChoices):
    """Base of each app's audit event types; a subclass registers itself."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _audit_classes.append(cls)
        _cache.clear()


class Permissions(models.TextChoices):
    """Base of each app's permission names (checked with `core.permissions.has_permission`);
    a subclass registers itself."""

    def __init_subclass__(cls, **kwargs: Any) -> None:
        super().__init_subclass__(**kwargs)
        _permission_classes.append(cls)
        _cache.clear()


def grant(role: str, *perms: Permissions) -> None:
    """Give `role` these permissions (an app grants its own, in its rights module)."""
    if role not in Role.values:
        raise ImproperlyConfigured(f"grant: unknown role {role!r}")
    _grants.setdefault(str(role), set()).update(str(p) for p in perms)
    _cache.clear()


def _audit_index() -> dict[int, AuditActions]:
    index: dict[int, AuditActions] | None = _cache.get("audit")
    if index is None:
        index = {}
        for cls in _audit_classes:
            for member in cls:
                other = index.get(member.value)
                if other is not None:
                    raise ImproperlyConfigured(
                        f"audit action {member.value} is used twice: "
                        f"{_qualname(other)} and {_qualname(member)}"
                    )
                index[member.value] = member
        _cache["audit"] = index
    return index


def _permission_index() -> dict[str, Permissions]:
    index: dict[str, Permissions] | None = _cache.get("perms")
    if index is None:
        index = {}
        for cls in _permission_classes:
            for member in cls:
                other = index.get(member.value)
                if other is not None:
                    raise ImproperlyConfigured(
                        f"permission {member.value!r} is declared twice: "
                        f"{_qualname(other)} and {_qualname(member)}"
                    )
                index[member.value] = member
        _cache["perms"] = index
    return index


def _qualname(member: models.Choices) -> str:
    cls = type(member)
    return f"{cls.__module__}.{cls.__qualname__}.{member.name}"


def audit_action_label(value: int) -> str:
    """The translated label of an audit action, or the number itself if no app declares it."""
    member = _audit_index().get(int(value))
    return str(member.label) if member is not None else str(value)


def audit_action_choices() -> list[tuple[int, str]]:
    """Every registered audit action as (value, translated label), by value."""
    return [(value, str(m.label)) for value, m in sorted(_audit_index().items())]


def all_permissions() -> list[Permissions]:
    """Every registered permission (a str: its value, e.g. "dossiers.receive"), by value."""
    return [m for _, m in sorted(_permission_index().items())]


def role_permissions(role: str) -> frozenset[str]:
    """The permission names a role holds: what apps granted it; everything for SYSTEM_ADMIN."""
    table: dict[str, frozenset[str]] | None = _cache.get("roles")
    if table is None:
        known = _permission_index()
        for r, names in _grants.items():
            unknown = names - known.keys()
            if unknown:
                raise ImproperlyConfigured(f"{r} is granted undeclared {sorted(unknown)}")
        table = {r: frozenset(_grants.get(r, ())) for r in Role.values}
        table[Role.SYSTEM_ADMIN] = frozenset(known)
        _cache["roles"] = table
    return table.get(role, frozenset())


class _RolePermissions(Mapping[str, frozenset[str]]):
    """`ROLE_PERMISSIONS[role]`: the table built from the grants, read when looked up."""

    def __getitem__(self, role: str) -> frozenset[str]:
        if role not in Role.values:
            raise KeyError(role)
        return role_permissions(role)

    def __iter__(self) -> Iterator[str]:
        return iter(Role.values)

    def __len__(self) -> int:
        return len(Role.values)


ROLE_PERMISSIONS: Mapping[str, frozenset[str]] = _RolePermissions()


def check_registry() -> None:
    """Raise ImproperlyConfigured if two apps use one audit value or one permission name, or a
    role is granted a permission no app declares."""
    _audit_index()
    _permission_index()
    role_permissions(Role.SYSTEM_ADMIN)
