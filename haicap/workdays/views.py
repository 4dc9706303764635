"""The working calendar page: a year's public holidays and swap days, the working days of each
month, and (for calendar administrators) adding or removing a swap day, audited."""

from __future__ import annotations

import datetime as dt

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.core.exceptions import ValidationError
from django.http import HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.utils.translation import get_language, gettext, gettext_lazy
from django.views.decorators.http import require_POST

from haicap.core.errors import ApplicationError, NotFound
from haicap.core.permissions import has_permission
from haicap.workdays.models import CalendarDay
from haicap.workdays.rights import CalendarPerm
from haicap.workdays.selectors import holidays_of, work_calendar
from haicap.workdays.services import calendar_day_delete, calendar_day_set


def _year(value: str) -> int:
    if not value:
        return dt.date.today().year
    if not value.isdigit() or not 2020 <= int(value) <= 2100:
        raise ApplicationError(gettext("Năm «{value}» không hợp lệ.").format(
            value=value
        ), extra={"field": "year"}, status=400)
    return int(value)


def calendar_page(request: HttpRequest) -> HttpResponse:
    year = _year(request.GET.get("year", ""))
    cal = work_calendar()
    months = []
    for month in range(1, 13):
        first = dt.date(year, month, 1)
        last = (first.replace(day=28) + dt.timedelta(days=4)).replace(day=1) - dt.timedelta(days=1)
        days = [first + dt.timedelta(days=i) for i in range((last - first).days + 1)]
        months.append((first, sum(cal.is_working_day(d) for d in days)))
    return render(
        request,
        "workdays/calendar.html",
        {
            "year": year,
            "holidays": holidays_of(year, get_language() or "vi"),
            "swaps": CalendarDay.objects.filter(date__year=year),
            "months": months,
            "kinds": CalendarDay.Kind.choices,
            "can_edit": request.user.is_authenticated
            and has_permission(request.user, CalendarPerm.MANAGE),
        },
    )


@login_required
@require_POST
def swap_day_set(request: HttpRequest) -> HttpResponse:
    try:
        day = dt.date.fromisoformat(request.POST.get("date", ""))
    except ValueError:
        raise ApplicationError(
            gettext_lazy("Ngày phải có dạng YYYY-MM-DD."), extra={"field": "date"}, status=422
        ) from None
    try:
        calendar_day_set(
            date=day,
            kind=request.POST.get("kind", ""),
            note=request.POST.get("note", ""),
            actor=request.user,
        )
    except ValidationError as exc:
        raise ApplicationError(
            "; ".join(exc.messages), extra={"field": "kind"}, status=422
        ) from None
    messages.success(request, gettext("Đã lưu ngày {day:%d/%m/%Y}.").format(day=day))
    return redirect(f"/lich/?year={day.year}")


@login_required
@require_POST
def swap_day_delete(request: HttpRequest, pk: int) -> HttpResponse:
    day = CalendarDay.objects.filter(pk=pk).first()
    if day is None:
        raise NotFound(gettext_lazy("Không có ngày hoán đổi này."))
    year = day.date.year
    calendar_day_delete(day=day, actor=request.user)
    messages.success(request, gettext_lazy("Đã xoá ngày hoán đổi."))
    return redirect(f"/lich/?year={year}")
