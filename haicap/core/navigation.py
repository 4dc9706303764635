"""The officers' links in the navigation bar, declared by each app in its own `rights.py`, so
that a new module adds its work page without editing core or the shared layout; and, from the
same declarations, the page each role lands on after signing in (ADR 23)."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from django.urls import reverse

from haicap.core.permissions import Actor, active_memberships, has_permission
from haicap.core.roles import Role


@dataclass(frozen=True)
class WorkLink:
    order: int  # the place in the bar (apps leave gaps: 10, 20, 30...)
    label: Any  # a lazily translated string
    url_name: str
    perm: str  # shown to those who hold it at some unit
    testid: str = ""
    # (role, query string) pairs: a holder of that role lands here after signing in
    lands: tuple[tuple[str, str], ...] = ()

    def url(self) -> str:
        return reverse(self.url_name)


_links: dict[str, WorkLink] = {}


def work_link(
    *,
    order: int,
    label: Any,
    url_name: str,
    perm: str,
    testid: str = "",
    lands: dict[str, str] | None = None,
) -> WorkLink:
    """Declare a work page for the navigation bar (once per URL name). `lands` maps a role to
    the query string its holders land on after signing in ("" for the page as it is)."""
    link = WorkLink(order, label, url_name, perm, testid, tuple((lands or {}).items()))
    _links[url_name] = link
    return link


def work_links_for(actor: Actor) -> list[WorkLink]:
    """The declared work pages this actor may open, in their order."""
    if not actor.is_authenticated:
        return []
    links = sorted(_links.values(), key=lambda link: (link.order, link.url_name))
    return [link for link in links if has_permission(actor, link.perm)]


def roles_of(actor: Actor) -> set[str]:
    """The roles the actor holds now at some unit (a superuser is a system administrator)."""
    roles = {membership.role for membership in active_memberships(actor)}
    if getattr(actor, "is_superuser", False):
        roles.add(Role.SYSTEM_ADMIN)
    return roles


def landing_url(actor: Actor) -> str | None:
    """Where the actor lands after signing in: the first work page (in the bar's order) that
    one of its roles lands on and that it may open; None if there is none."""
    roles = roles_of(actor)
    for link in work_links_for(actor):
        for role, query in link.lands:
            if role in roles:
                return link.url() + query
    return None
