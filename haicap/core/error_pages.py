"""The error pages: 400, 403, 404, 405, 429 and 500 in the site's layout, in the reader's
language, with a way back (the home page, the reader's work pages, sign-in when signed out).

`error_response` is the one renderer: the middleware calls it for an `ApplicationError` a view
raises, Django calls the `handler*` views below (wired in `haicap/urls.py`) for what escapes the
views. Under /api/ every error stays JSON, `{"message", "extra"}` like the API's own handler.
The 500 page is rendered without the request: no session, no user, no database (the error may
be the database's), and falls back to plain text if even the template fails.
"""

from __future__ import annotations

import logging
from typing import Any

from django.http import HttpRequest, HttpResponse, JsonResponse
from django.shortcuts import render
from django.template import loader
from django.utils.translation import gettext_lazy

TITLES: dict[int, Any] = {
    400: gettext_lazy("Yêu cầu không hợp lệ"),
    403: gettext_lazy("Không có quyền"),
    404: gettext_lazy("Không tìm thấy trang"),
    405: gettext_lazy("Thao tác không được hỗ trợ"),
    409: gettext_lazy("Thao tác không phù hợp với trạng thái hiện tại"),
    422: gettext_lazy("Dữ liệu chưa hợp lệ"),
    429: gettext_lazy("Quá nhiều yêu cầu"),
    500: gettext_lazy("Lỗi hệ thống"),
}
MESSAGES: dict[int, Any] = {
    400: gettext_lazy("Yêu cầu gửi đến không đúng định dạng."),
    403: gettext_lazy("Bạn không có quyền xem trang này."),
    404: gettext_lazy("Trang bạn tìm không có hoặc đã được chuyển đi. Hãy kiểm tra lại địa chỉ."),
    405: gettext_lazy("Trang này không nhận thao tác {method}."),
    500: gettext_lazy(
        "Hệ thống gặp lỗi khi xử lý yêu cầu; lỗi đã được ghi lại. Vui lòng thử lại sau ít phút."
    ),
}

logger = logging.getLogger("haicap.errors")


def error_title(status: int) -> str:
    return str(TITLES.get(status) or TITLES[400 if status < 500 else 500])


def is_api(request: HttpRequest) -> bool:
    return request.path_info.startswith("/api/")


def error_response(
    request: HttpRequest, status: int, message: str = "", extra: dict[str, Any] | None = None
) -> HttpResponse:
    """The error page (or, under /api/, the JSON error) for this status and message."""
    text = message or str(MESSAGES.get(status, MESSAGES[400])).format(method=request.method)
    if is_api(request):
        return JsonResponse({"message": text, "extra": extra or {}}, status=status)
    context = {"status": status, "title": error_title(status), "message": text}
    return render(request, "core/error.html", context, status=status)


def bad_request(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 400)


def permission_denied(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 403)


def page_not_found(request: HttpRequest, exception: Exception | None = None) -> HttpResponse:
    return error_response(request, 404, extra={"path": request.path})


def server_error(request: HttpRequest) -> HttpResponse:
    """500 without touching the request's session, user or the database."""
    message = str(MESSAGES[500])
    if is_api(request):
        return JsonResponse({"message": message, "extra": {}}, status=500)
    context = {"status": 500, "title": error_title(500), "message": message, "bare": True}
    try:
        body = loader.get_template("core/error.html").render(context)
    except Exception:  # the layout itself is broken: say it in plain text
        logger.exception("the 500 page could not be rendered")
        body = f"{error_title(500)}\n\n{message}\n"
        return HttpResponse(body, status=500, content_type="text/plain; charset=utf-8")
    return HttpResponse(body, status=500)


def not_allowed_page(request: HttpRequest, response: HttpResponse) -> HttpResponse:
    """Django's bare 405 (`require_POST` and friends) as the error page, keeping `Allow`."""
    page = error_response(request, 405)
    if response.has_header("Allow"):
        page["Allow"] = response["Allow"]
    return page
