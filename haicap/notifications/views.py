"""The system administrator's page of messages sent to citizens (/he-thong/thong-bao/)."""

from __future__ import annotations

from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.http import HttpRequest, HttpResponse
from django.shortcuts import render

from haicap.core.errors import PermissionDenied
from haicap.core.permissions import PERMISSION_DENIED, has_permission
from haicap.notifications.models import MessageStatus
from haicap.notifications.rights import NotifyPerm
from haicap.notifications.selectors import message_row, messages_list

PER_PAGE = 50


@login_required
def messages(request: HttpRequest) -> HttpResponse:
    if not has_permission(request.user, NotifyPerm.VIEW):
        raise PermissionDenied(PERMISSION_DENIED)
    query, status = request.GET.get("q", "")[:100], request.GET.get("status", "")
    page = Paginator(messages_list(query, status), PER_PAGE).get_page(request.GET.get("page"))
    return render(
        request,
        "notifications/messages.html",
        {
            "page": page,
            "rows": [message_row(m) for m in page],
            "q": query,
            "status": status,
            "statuses": MessageStatus.choices,
        },
    )
