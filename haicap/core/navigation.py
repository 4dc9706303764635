"""The officers' links in the navigation bar, declared by each app in its own `rights.py`, so
that a new module adds its work page without editing core or the shared layout."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any

from haicap.core.permissions import Actor, has_permission


@dataclass(frozen=True)
class WorkLink:
    order: int  # the place in the bar (apps leave gaps: 10, 20, 30...)
    label: Any  # a lazily translated string
    url_name: str
    perm: str  # shown to those who hold it at some unit
    testid: str = ""


_links: dict[str, WorkLink] = {}


def work_link(
    *, order: int, label: Any, url_name: str, perm: str, testid: str = ""
) -> WorkLink:
    """Declare a work page for the navigation bar (once per URL name)."""
    link = WorkLink(order, label, url_name, perm, testid)
    _links[url_name] = link
    return link


def work_links_for(actor: Actor) -> list[WorkLink]:
    """The declared work pages this actor may open, in their order."""
    if not actor.is_authenticated:
        return []
    links = sorted(_links.values(), key=lambda link: (link.order, link.url_name))
    return [link for link in links if has_permission(actor, link.perm)]
