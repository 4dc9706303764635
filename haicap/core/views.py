"""Core web pages. Thin: parse, check permission, call a selector, render."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haicap.core.audit_words import audit_rows
from haicap.core.errors import PermissionDenied
from haicap.core.permissions import PERMISSION_DENIED, scope_for
from haicap.core.rights import CorePerm
from haicap.core.selectors import audit_events
from haicap.units.selectors import commune_counts, provinces_on


def home(request: HttpRequest) -> HttpResponse:
    counts = commune_counts()
    total = sum(sum(kinds.values()) for kinds in counts.values())
    return render(
        request,
        "core/home.html",
        {"province_count": provinces_on().count(), "commune_total": total},
    )


@login_required
def me(request: HttpRequest) -> HttpResponse:
    return render(request, "core/me.html")


@login_required
def audit_log(request: HttpRequest) -> HttpResponse:
    scope = scope_for(request.user, CorePerm.VIEW_AUDIT)
    if scope.empty:
        raise PermissionDenied(PERMISSION_DENIED)
    events = audit_events(scope=scope, query=request.GET.get("q", ""))
    page = Paginator(events, 50).get_page(request.GET.get("page"))
    rows = audit_rows(page.object_list)  # in words: actions, objects by name, status labels
    context = {"page": page, "rows": rows, "q": request.GET.get("q", "")}
    return render(request, "core/audit.html", context)
