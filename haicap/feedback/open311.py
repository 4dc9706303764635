"""Open311 GeoReport v2 at /open311/v2/: discovery, services, service definitions, requests
(GET and POST with an administrator-issued api_key), one request, tokens; XML and JSON.
jurisdiction_id is the province code; our fine-grained states map to open / closed."""

from __future__ import annotations

import datetime as dt
import hashlib
import secrets
from collections.abc import Callable
from typing import Any
from xml.sax.saxutils import escape

from django.conf import settings
from django.db.models import Q
from django.http import HttpRequest, HttpResponse, JsonResponse
from django.utils import timezone
from django.utils.translation import gettext, gettext_lazy
from django.views.decorators.csrf import csrf_exempt

from haicap.core.audit import audit_record
from haicap.core.clients import client_address
from haicap.core.errors import ApplicationError
from haicap.core.idempotency import Idempotency, fingerprint
from haicap.core.ratelimit import rate_limit_hit
from haicap.core.text import fold
from haicap.feedback.models import OPEN_STATUSES, BodyKind, Category, Channel, Open311Key, Report
from haicap.feedback.rights import FeedbackAudit
from haicap.feedback.selectors import categories_for, category_get
from haicap.feedback.services import Submission, report_submit
from haicap.units.selectors import unit_in_force

SPEC = "http://wiki.open311.org/GeoReport_v2"
MAX_DAYS = 90
MAX_RESULTS = 1000
DEPTHS = [("under10", "Dưới 10 cm"), ("10to30", "Từ 10 đến 30 cm"), ("over30", "Trên 30 cm")]


class Open311Error(Exception):
    def __init__(self, status: int, description: str):
        super().__init__(description)
        self.status, self.description = status, description


def key_hash(raw: str) -> str:
    return hashlib.sha256(raw.encode()).hexdigest()


def key_issue(*, label: str, province_code: str, actor: Any = None) -> str:
    """A new api_key for one integrator in one province; shown once, stored as a hash."""
    if unit_in_force("province", province_code) is None:
        raise ApplicationError(
            gettext("Không có tỉnh mã «{province_code}».").format(province_code=province_code),
            extra={"field": "province"},
        )
    raw = "o311_" + secrets.token_urlsafe(24)
    key = Open311Key.objects.create(
        label=label[:100], province_code=province_code, key_hash=key_hash(raw)
    )
    audit_record(
        actor=actor,
        action=FeedbackAudit.MODERATED,
        obj=key,
        province_code=province_code,
        note=f"Open311 api_key cho «{label}»",
    )
    return raw


def key_revoke(*, label: str, province_code: str, actor: Any = None) -> int:
    """Revoke the province's live api_keys issued under `label`; refused at their next POST."""
    keys = list(
        Open311Key.objects.filter(label=label, province_code=province_code, revoked_at__isnull=True)
    )
    if not keys:
        raise ApplicationError(
            gettext("Không có api_key còn hiệu lực mang tên «{label}» ở tỉnh {province}.").format(
                label=label, province=province_code
            ),
            extra={"field": "label"},
            status=404,
        )
    now = timezone.now()
    for key in keys:
        key.revoked_at = now
        key.save(update_fields=["revoked_at"])
        audit_record(
            actor=actor,
            action=FeedbackAudit.MODERATED,
            obj=key,
            province_code=province_code,
            note=f"thu hồi Open311 api_key của «{label}»",
        )
    return len(keys)


# --- rendering: the spec's element names, in XML or JSON ----------------------------------------


def _xml_value(name: str, value: Any) -> str:
    if isinstance(value, list):
        child = {
            "attributes": "attribute",
            "values": "value",
            "endpoints": "endpoint",
            "formats": "format",
        }[name]
        inner = "".join(_xml_value(child, v) for v in value)
        return f"<{name}>{inner}</{name}>"
    if isinstance(value, dict):
        return f"<{name}>" + "".join(_xml_value(k, v) for k, v in value.items()) + f"</{name}>"
    if value is None:
        return f"<{name}/>"
    if isinstance(value, bool):
        value = "true" if value else "false"
    return f"<{name}>{escape(str(value))}</{name}>"


def render(fmt: str, root: str, item: str | None, data: Any, status: int = 200) -> HttpResponse:
    """`data` is a list of items (under <root><item>) or one object (as <root>)."""
    if fmt == "json":
        return JsonResponse(
            data, safe=False, status=status, json_dumps_params={"ensure_ascii": False}
        )
    if item is None:
        body = _xml_value(root, data)
    else:
        body = f"<{root}>" + "".join(_xml_value(item, d) for d in data) + f"</{root}>"
    return HttpResponse(
        '<?xml version="1.0" encoding="utf-8"?>' + body,
        content_type="text/xml; charset=utf-8",
        status=status,
    )


def endpoint(view: Callable[..., Any]) -> Callable[..., HttpResponse]:
    """Format check, and errors rendered as the spec's <errors> / [{code, description}]."""

    @csrf_exempt
    def wrapper(request: HttpRequest, fmt: str, **kwargs: Any) -> HttpResponse:
        if fmt not in ("json", "xml"):
            return HttpResponse("format must be .json or .xml", status=404)
        try:
            return view(request, fmt, **kwargs)
        except Open311Error as exc:
            errors = [{"code": exc.status, "description": exc.description}]
            return render(fmt, "errors", "error", errors, status=exc.status)
        except ApplicationError as exc:
            errors = [{"code": exc.status, "description": exc.message}]
            response = render(
                fmt, "errors", "error", errors, status=400 if exc.status == 422 else exc.status
            )
            if exc.status == 429 and "retry_after_s" in exc.extra:
                response["Retry-After"] = str(exc.extra["retry_after_s"])
            return response

    return wrapper


def _jurisdiction(request: HttpRequest, data: Any = None) -> str:
    code = ((data or request.GET).get("jurisdiction_id") or "").strip()
    if not code:
        raise Open311Error(
            400, "jurisdiction_id is required: the province code, e.g. 79 (Hồ Chí Minh)"
        )
    if unit_in_force("province", code) is None:
        raise Open311Error(404, f"jurisdiction_id {code} is not a province code in force")
    return code


# --- discovery and services ---------------------------------------------------------------------


@endpoint
def discovery(request: HttpRequest, fmt: str) -> HttpResponse:
    # The host the client asked for (Django checks it against ALLOWED_HOSTS, and the scheme
    # follows SECURE_PROXY_SSL_HEADER behind the TLS proxy), not a configured constant.
    base = request.build_absolute_uri("/open311/v2/")
    data = {
        "changeset": "2026-11-22T00:00:00+07:00",
        "contact": "Bộ phận điều phối phản ánh, kiến nghị của tỉnh",
        "key_service": "api_key do quản trị cấp tỉnh cấp (haicap feedback key)",
        "endpoints": [
            {
                "specification": SPEC,
                "url": base,
                "changeset": "2026-11-22T00:00:00+07:00",
                "type": "production",
                "formats": ["text/xml", "application/json"],
            }
        ],
    }
    return render(fmt, "discovery", None, data)


def _service(category: Category) -> dict[str, Any]:
    return {
        "service_code": category.code,
        "service_name": category.name,
        "description": category.description
        or f"{category.name}: trả lời trong {category.sla_working_days} ngày làm việc",
        "metadata": True,
        "type": "realtime",
        "keywords": fold(category.name).replace(",", ""),
        "group": str(BodyKind(category.body_kind).label),
    }


@endpoint
def services(request: HttpRequest, fmt: str) -> HttpResponse:
    province = _jurisdiction(request)
    return render(fmt, "services", "service", [_service(c) for c in categories_for(province)])


def _attributes(category: Category) -> list[dict[str, Any]]:
    attributes: list[dict[str, Any]] = [
        {
            "variable": True,
            "code": "landmark",
            "datatype": "string",
            "required": False,
            "datatype_description": "Tên đường, số nhà, công trình gần đó",
            "order": 1,
            "description": "Địa danh gần nơi xảy ra",
            "values": [],
        }
    ]
    if category.code == "drainage":
        attributes.append(
            {
                "variable": True,
                "code": "depth",
                "datatype": "singlevaluelist",
                "required": False,
                "datatype_description": "",
                "order": 2,
                "description": "Mức ngập",
                "values": [{"key": k, "name": n} for k, n in DEPTHS],
            }
        )
    return attributes


def _attribute_values(category: Category, data: Any) -> dict[str, str]:
    """The attribute[code] fields the service definition declares, each value checked: an unknown
    attribute or a value outside a list is refused (400) rather than stored."""
    declared = {a["code"]: a for a in _attributes(category)}
    values: dict[str, str] = {}
    for name in data:
        if not (name.startswith("attribute[") and name.endswith("]")):
            continue
        code, value = name[10:-1], str(data.get(name, ""))
        attribute = declared.get(code)
        if attribute is None:
            raise Open311Error(400, f"{name}: service {category.code} has no attribute {code!r}")
        keys = [v["key"] for v in attribute["values"]]
        if attribute["datatype"] == "singlevaluelist" and value and value not in keys:
            raise Open311Error(400, f"{name}: {value[:40]!r} is not one of {', '.join(keys)}")
        values[code] = value
    return values


@endpoint
def service_definition(request: HttpRequest, fmt: str, code: str) -> HttpResponse:
    province = _jurisdiction(request)
    category = category_get(province, code)
    return render(
        fmt, "service_definition", None, {"service_code": code, "attributes": _attributes(category)}
    )


# --- requests ------------------------------------------------------------------------------------


def _when(value: dt.datetime | None) -> str | None:
    return (
        value.astimezone(timezone.get_current_timezone()).isoformat(timespec="seconds")
        if value
        else None
    )


def request_out(report: Report) -> dict[str, Any]:
    """A report as the spec's service request: no personal data."""
    is_open = report.status in OPEN_STATUSES
    last = report.closed_at or report.answered_at or report.forwarded_at or report.created_at
    return {
        "service_request_id": report.code,
        "status": "open" if is_open else "closed",
        "status_notes": report.answer or report.get_status_display(),
        "service_name": report.category.name,
        "service_code": report.category.code,
        "description": report.description,
        "agency_responsible": report.responsible_body,
        "service_notice": "",
        "requested_datetime": _when(report.created_at),
        "updated_datetime": _when(last),
        "expected_datetime": _when(report.committed_at or report.due_at),
        "address": report.address,
        "address_id": report.commune_code,
        "zipcode": "",
        "lat": report.lat,
        "long": report.lon,
        "media_url": "",
    }


def _date(value: str, name: str) -> dt.datetime:
    try:
        parsed = dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        raise Open311Error(
            400, f"{name} must be a W3C date-time, e.g. 2025-09-01T00:00:00+07:00"
        ) from None
    return parsed if parsed.tzinfo else timezone.make_aware(parsed)


def _search(request: HttpRequest, province: str) -> list[Report]:
    reports = Report.objects.filter(province_code=province, hidden=False).select_related("category")
    ids = [i.strip() for i in request.GET.get("service_request_id", "").split(",") if i.strip()]
    if ids:  # overrides every other filter, as the spec says
        return list(reports.filter(code__in=ids[:MAX_RESULTS]).order_by("-created_at"))
    now = timezone.now()
    end = _date(request.GET["end_date"], "end_date") if request.GET.get("end_date") else now
    start = (
        _date(request.GET["start_date"], "start_date")
        if request.GET.get("start_date")
        else end - dt.timedelta(days=MAX_DAYS)
    )
    if end < start:
        raise Open311Error(400, "end_date is before start_date")
    if end - start > dt.timedelta(days=MAX_DAYS):
        raise Open311Error(400, f"the date range is limited to {MAX_DAYS} days")
    reports = reports.filter(created_at__gte=start, created_at__lte=end)
    codes = [c.strip() for c in request.GET.get("service_code", "").split(",") if c.strip()]
    if codes:
        reports = reports.filter(category__code__in=codes)
    statuses = {s.strip() for s in request.GET.get("status", "").split(",") if s.strip()}
    if statuses - {"open", "closed"}:
        raise Open311Error(400, "status must be open, closed, or both")
    if statuses == {"open"}:
        reports = reports.filter(status__in=OPEN_STATUSES)
    elif statuses == {"closed"}:
        reports = reports.exclude(status__in=OPEN_STATUSES)
    return list(reports.order_by("-created_at")[:MAX_RESULTS])


@endpoint
def requests(request: HttpRequest, fmt: str) -> HttpResponse:
    if request.method == "POST":
        return _post(request, fmt)
    if request.method != "GET":
        raise Open311Error(405, "GET or POST")
    province = _jurisdiction(request)
    return render(
        fmt, "service_requests", "request", [request_out(r) for r in _search(request, province)]
    )


def _float(data: Any, name: str) -> float | None:
    value = (data.get(name) or "").strip()
    if not value:
        return None
    try:
        return float(value)
    except ValueError:
        raise Open311Error(400, f"{name} must be a number") from None


PER_KEY = gettext_lazy(
    "api_key «{label}» đã gửi {limit} yêu cầu trong {window}: vui lòng thử lại sau {minutes} phút."
)
PER_CLIENT = gettext_lazy(
    "Đã nhận {limit} yêu cầu từ địa chỉ mạng này trong {window}: "
    "vui lòng thử lại sau {minutes} phút."
)


def post_limits(key: Open311Key, client: str) -> None:
    """POST requests per api_key and per client address an hour (HAICAP_OPEN311_POST_PER_*)."""
    hour = dt.timedelta(hours=1)
    rate_limit_hit(
        f"o311:key:{key.pk}",
        limit=settings.HAICAP_OPEN311_POST_PER_KEY_HOUR,
        window=hour,
        message=PER_KEY.replace("{label}", key.label.replace("{", "{{").replace("}", "}}")),
    )
    rate_limit_hit(
        f"o311:ip:{client}",
        limit=settings.HAICAP_OPEN311_POST_PER_CLIENT_HOUR,
        window=hour,
        message=PER_CLIENT,
    )


def _idempotency(key: Open311Key, data: Any) -> Idempotency | None:
    """A device's retry of the same request (device_id + request_id, GeoReport v2) finds the first
    report, within the api_key that sent it; the same ids with another body are refused."""
    device, request_id = data.get("device_id", ""), data.get("request_id", "")
    if not (device and request_id):
        return None
    scope = f"o311:{key.pk}\n{device}\n{request_id}"
    payload = {name: data.getlist(name) for name in sorted(data) if name != "api_key"}
    return Idempotency(
        key=hashlib.sha256(scope.encode()).hexdigest(), fingerprint=fingerprint(payload)
    )


def _post(request: HttpRequest, fmt: str) -> HttpResponse:
    data = request.POST
    digest = key_hash(data.get("api_key", ""))
    # looked up on every POST (one indexed query), so a revocation is refused at once everywhere
    key = Open311Key.objects.filter(key_hash=digest, revoked_at__isnull=True).first()
    if key is None:
        raise Open311Error(403, "api_key is missing, unknown or revoked")
    province = _jurisdiction(request, data)
    if key.province_code != province:
        raise Open311Error(403, f"this api_key is issued for jurisdiction {key.province_code}")
    post_limits(key, client_address(request))
    if not data.get("service_code"):
        raise Open311Error(400, "service_code is required")
    lat, lon = _float(data, "lat"), _float(data, "long")
    if (lat is None) != (lon is None):
        raise Open311Error(400, "lat and long go together")
    attributes = _attribute_values(category_get(province, data["service_code"]), data)
    name = " ".join(p for p in (data.get("last_name", ""), data.get("first_name", "")) if p)
    report = report_submit(
        Submission(
            province_code=province,
            category_code=data["service_code"],
            description=data.get("description", ""),
            lat=lat,
            lon=lon,
            address=data.get("address_string", ""),
            contact_name=name,
            contact_phone=data.get("phone", ""),
            contact_email=data.get("email", ""),
            channel=Channel.OPEN311,
        ),
        client_key=f"o311:{key.label}",
        idempotency_key=_idempotency(key, data),
        attributes=attributes,
    )
    notice = (
        f"Đã chuyển {report.responsible_body}; hạn trả lời {report.due_at:%d/%m/%Y}"
        if report.due_at
        else ("Đang chờ bộ phận điều phối xác định xã, phường")
    )
    return render(
        fmt,
        "service_requests",
        "request",
        [
            {
                "service_request_id": report.code,
                "token": report.token,
                "service_notice": notice,
                "account_id": "",
            }
        ],
        status=201,
    )


@endpoint
def request_detail(request: HttpRequest, fmt: str, code: str) -> HttpResponse:
    province = _jurisdiction(request)
    report = (
        Report.objects.select_related("category")
        .filter(province_code=province, code=code, hidden=False)
        .first()
    )
    if report is None:
        raise Open311Error(404, f"no service request {code} in jurisdiction {province}")
    return render(fmt, "service_requests", "request", [request_out(report)])


@endpoint
def token(request: HttpRequest, fmt: str, token: str) -> HttpResponse:
    province = _jurisdiction(request)
    report = Report.objects.filter(Q(token=token), province_code=province).first()
    if report is None:
        raise Open311Error(404, "unknown token")
    return render(
        fmt, "service_requests", "request", [{"service_request_id": report.code, "token": token}]
    )
