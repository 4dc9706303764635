"""Officers' feedback screens: the unit's queue by due time, the dispatcher's queue, a report
with its actions (answer with evidence, progress with a date, not ours, reassign, moderate), and
the figures the service index will read (answered on time, satisfaction)."""

from __future__ import annotations

from typing import Any

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.paginator import Paginator
from django.db import transaction
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.http import require_POST

from haicap.core.errors import ApplicationError, NotFound, PermissionDenied
from haicap.core.permissions import PERMISSION_DENIED, has_permission, scope_for
from haicap.core.search import search
from haicap.feedback.evidence import answer_evidence_add
from haicap.feedback.models import Report
from haicap.feedback.rights import FeedbackPerm
from haicap.feedback.selectors import dispatcher_queue, feedback_figures, nearby_open, unit_queue
from haicap.feedback.services import allowed_actions, report_moderate, report_transition, sender_ban
from haicap.feedback.workflow import TRANSITIONS
from haicap.units.models import Level, Unit

REPORT_NOT_FOUND = gettext_lazy("Không tìm thấy phản ánh «{code}».")


@login_required
def queue(request: HttpRequest) -> HttpResponse:
    handle = scope_for(request.user, FeedbackPerm.HANDLE)
    if handle.empty:
        raise PermissionDenied(PERMISSION_DENIED)
    # `tab` picks the queue; `q` is the search, as on every list (a link from before, ?q=dispatch,
    # still opens the tab)
    query = request.GET.get("q", "").strip()[:100]
    which = request.GET.get("tab", "")
    if query in ("unit", "dispatch") and not which:
        which, query = query, ""
    reports = dispatcher_queue(request.user) if which == "dispatch" else unit_queue(request.user)
    reports = search(reports, query, order=reports.query.order_by)
    page = Paginator(reports, 30).get_page(request.GET.get("page"))
    return render(
        request,
        "feedback/queue.html",
        {
            "page": page,
            "which": which,
            "q": query,
            "now": timezone.now(),
            "can_dispatch": has_permission(request.user, FeedbackPerm.DISPATCH),
            "figures": feedback_figures(request.user),
        },
    )


def _report_for(request: HttpRequest, code: str) -> Report:
    """A report the officer may see; one outside their scope answers exactly as a missing one."""
    report = Report.objects.select_related("category").filter(code=code).first()
    missing = NotFound(REPORT_NOT_FOUND.format(code=code), extra={"code": code})
    if report is None:
        raise missing
    scope_q = [
        unit_queue(request.user).filter(pk=report.pk).exists(),
        has_permission(request.user, FeedbackPerm.DISPATCH, province_code=report.province_code),
        has_permission(
            request.user,
            FeedbackPerm.HANDLE,
            province_code=report.province_code,
            unit_code=report.responsible_unit_code,
        ),
    ]
    if not any(scope_q):
        raise missing
    return report


def _reassign_units(report: Report) -> list[Unit]:
    """Where a report can be sent: the province (its dispatcher) and its communes in force, by
    name, so that the officer picks a name and never types a code (ADR 20)."""
    units = Unit.objects.current().filter(
        province_code=report.province_code, level__in=[Level.PROVINCE, Level.COMMUNE]
    )
    return sorted(units.defer("boundary"), key=lambda u: (u.level != Level.PROVINCE, u.name))


def _context(request: HttpRequest, report: Report) -> dict[str, Any]:
    actions = allowed_actions(report, request.user)
    return {
        "reassign_units": _reassign_units(report) if "reassign" in actions else [],
        "r": report,
        "actions": [(name, TRANSITIONS[name]) for name in actions],
        "events": report.events.all(),
        "evidence": report.evidence.all(),
        "nearby": nearby_open(report.category, report.lat, report.lon, exclude_pk=report.pk)
        if report.lat is not None and report.lon is not None
        else [],
        "can_moderate": has_permission(
            request.user, FeedbackPerm.MODERATE, province_code=report.province_code
        ),
    }


@login_required
def detail(request: HttpRequest, code: str) -> HttpResponse:
    return render(
        request, "feedback/officer_detail.html", _context(request, _report_for(request, code))
    )


@login_required
@require_POST
def act(request: HttpRequest, code: str, action: str) -> HttpResponse:
    report = _report_for(request, code)
    post = request.POST
    params: dict[str, Any] = {
        k: post[k] for k in ("text", "reason", "body", "unit_code", "committed_date") if post.get(k)
    }
    try:
        with transaction.atomic():
            files = request.FILES.getlist("evidence")
            if action == "answer" and files:
                answer_evidence_add(report, actor=request.user, files=files)
            report_transition(report, action=action, actor=request.user, **params)
    except ApplicationError as exc:
        context = _context(request, report)
        context["error"] = exc
        return render(request, "feedback/officer_detail.html", context, status=exc.status)
    label = TRANSITIONS[action].label if action in TRANSITIONS else action
    messages.success(request, gettext("{label}: đã ghi nhận.").format(label=label))
    return redirect("feedback:officer_detail", code=code)


@login_required
@require_POST
def moderate(request: HttpRequest, code: str) -> HttpResponse:
    report = _report_for(request, code)
    into = None
    if request.POST.get("duplicate_of"):
        into = Report.objects.filter(code=request.POST["duplicate_of"].strip()).first()
        if into is None:
            raise NotFound(gettext("Không tìm thấy phản ánh «{duplicate_of}».").format(
                duplicate_of=request.POST["duplicate_of"]
            ))
    hide = {"hide": True, "show": False}.get(request.POST.get("visibility", ""))
    try:
        with transaction.atomic():
            ban = request.POST.get("ban", "")
            if ban:
                days = None if ban == "forever" else int(ban) if ban.isdigit() else 30
                sender_ban(
                    report, actor=request.user, reason=request.POST.get("reason", ""), days=days
                )
            if hide is not None or into is not None or not ban:
                report_moderate(
                    report,
                    actor=request.user,
                    hide=hide,
                    duplicate_of=into,
                    reason=request.POST.get("reason", ""),
                )
    except ApplicationError as exc:
        context = _context(request, report)
        context["error"] = exc
        return render(request, "feedback/officer_detail.html", context, status=exc.status)
    messages.success(request, gettext_lazy("Đã lưu kiểm duyệt."))
    return redirect("feedback:officer_detail", code=code)
