"""The permission matrix: one entry per route (pages from the URL resolver, API operations from
the OpenAPI schema), the request that reaches the Bến Thành records, and the outcome each actor
gets (tests/security/world.py: ACTORS, in this order):

    anonymous citizen other_ward other_province other_admin own province

Outcome classes: ok (2xx or a redirect elsewhere than the login page), login (401 or a redirect
to a login page), 403, 404 (denied: a record the actor may not see answers 404 exactly as a
missing one, so another unit's officer cannot tell which codes exist; 403 is for a page or action
the actor may not use whatever the record), invalid (400/405/409/422: the minimal body, or a state the record is not in,
is refused after the permission check). PUBLIC routes answer the same for everyone (ok, or
invalid to a minimal body) and never login, 403 or 404.

Placeholders in URLs: {dossier} {attachment} {report} {token} {evidence} {procedure} {ward}
{province}. A new route without an entry, or an entry for a removed route, fails
test_permission_matrix.test_the_table_covers_every_route.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import Any

PUBLIC = "public"
PNG = b"\x89PNG\r\n\x1a\n" + b"0" * 64  # a file field: bytes are sent as an upload
CSV = "dia_chi\nPhường Bến Thành, Quận 1, TP. Hồ Chí Minh\n".encode()


@dataclass(frozen=True)
class Row:
    method: str
    url: str
    expect: str  # PUBLIC, or one outcome class per actor, space-separated
    data: dict[str, Any] = field(default_factory=dict)
    json: bool = False  # send `data` as a JSON body (the API) rather than a form
    why: str = ""

    def outcomes(self) -> list[str]:
        return self.expect.split()


def _r(method: str, url: str, expect: str, **more: Any) -> Row:
    return Row(method, url, expect, **more)


# the admin: every page but the login page sends a non-staff user (all our actors) to log in
ADMIN_MODELS = (
    "auth/group",
    "auth/user",
    "core/membership",
    "core/auditevent",
    "core/apitoken",
    "units/unit",
    "workdays/calendarday",
    "metrics/indicator",
    "feedback/category",
    "metrics/target",
    "axes/accessattempt",  # sign-in throttling (django-axes)
    "axes/accessfailurelog",
    "axes/accesslog",
)
ADMIN_LOGIN = "login login login login login login login"
ADMIN: dict[str, Row] = {
    "admin/": _r("GET", "/admin/", ADMIN_LOGIN),
    "admin/login/": _r("GET", "/admin/login/", PUBLIC),
    "admin/logout/": _r("POST", "/admin/logout/", PUBLIC),
    "admin/password_change/": _r("GET", "/admin/password_change/", ADMIN_LOGIN),
    "admin/password_change/done/": _r("GET", "/admin/password_change/done/", ADMIN_LOGIN),
    "admin/autocomplete/": _r("GET", "/admin/autocomplete/", ADMIN_LOGIN),
    "admin/jsi18n/": _r("GET", "/admin/jsi18n/", ADMIN_LOGIN),
    "admin/r/<path:content_type_id>/<path:object_id>/": _r("GET", "/admin/r/1/1/", ADMIN_LOGIN),
    "admin/^(?P<app_label>auth|axes|core|units|workdays|feedback|metrics)/$": _r(
        "GET", "/admin/core/", ADMIN_LOGIN
    ),
    "admin/(?P<url>.*)$": _r("GET", "/admin/nothing-here/", ADMIN_LOGIN),
    "admin/auth/user/<id>/password/": _r("GET", "/admin/auth/user/1/password/", ADMIN_LOGIN),
}
for _model in ADMIN_MODELS:
    ADMIN[f"admin/{_model}/"] = _r("GET", f"/admin/{_model}/", ADMIN_LOGIN)
    ADMIN[f"admin/{_model}/add/"] = _r("GET", f"/admin/{_model}/add/", ADMIN_LOGIN)
    ADMIN[f"admin/{_model}/<path:object_id>/"] = _r("GET", f"/admin/{_model}/1/", ADMIN_LOGIN)
    for _page in ("history", "delete", "change"):
        ADMIN[f"admin/{_model}/<path:object_id>/{_page}/"] = _r(
            "GET", f"/admin/{_model}/1/{_page}/", ADMIN_LOGIN
        )


PAGES: dict[str, Row] = {
    # the API's own pages and Django's
    "api/v1/openapi.json": _r("GET", "/api/v1/openapi.json", PUBLIC),
    "api/v1/docs": _r("GET", "/api/v1/docs", PUBLIC),
    "api/v1/": _r("GET", "/api/v1/", "404 404 404 404 404 404 404"),
    "i18n/setlang/": _r("POST", "/i18n/setlang/", PUBLIC, data={"language": "en", "next": "/"}),
    # core
    "": _r("GET", "/", PUBLIC),
    "login/": _r("GET", "/login/", PUBLIC),
    "logout/": _r("POST", "/logout/", PUBLIC),
    "me/": _r("GET", "/me/", "login ok ok ok ok ok ok"),
    "audit/": _r("GET", "/audit/?unit={ward}", "login 403 ok ok ok ok ok"),
    # units
    "units/": _r("GET", "/units/", PUBLIC),
    "units/search/": _r("GET", "/units/search/?q=ben+thanh", PUBLIC),
    "units/convert/": _r("GET", "/units/convert/", PUBLIC),
    "units/convert/csv/": _r(
        "POST",
        "/units/convert/csv/",
        "login 403 ok ok ok ok ok",
        data={"file": CSV},
    ),
    "units/p/<str:code>/": _r("GET", "/units/p/{province}/", PUBLIC),
    "units/p/<str:code>/map.geojson": _r("GET", "/units/p/{province}/map.geojson", PUBLIC),
    "units/c/<str:code>/": _r("GET", "/units/c/{ward}/", PUBLIC),
    "units/c/<str:code>/map.geojson": _r("GET", "/units/c/{ward}/map.geojson", PUBLIC),
    "units/old/<str:level>/<str:code>/": _r("GET", "/units/old/commune/{ward}/", PUBLIC),
    # procedures
    "procedures/": _r("GET", "/procedures/", PUBLIC),
    "procedures/<str:code>/": _r("GET", "/procedures/{procedure}/", PUBLIC),
    "procedures/<str:code>/configure/": _r(
        "POST", "/procedures/{procedure}/configure/", "login 403 403 403 ok 403 ok"
    ),
    # one-stop shop: officers
    "mot-cua/": _r("GET", "/mot-cua/", "login 403 ok ok ok ok ok"),
    "mot-cua/tiep-nhan/": _r("GET", "/mot-cua/tiep-nhan/", "login 403 ok ok 403 ok 403"),
    "mot-cua/tiep-nhan/thu-tuc/": _r(
        "GET", "/mot-cua/tiep-nhan/thu-tuc/?q=khai+sinh", "login ok ok ok ok ok ok"
    ),
    "mot-cua/tiep-nhan/dia-chi/": _r(
        "GET", "/mot-cua/tiep-nhan/dia-chi/?address=Ben+Thanh", "login ok ok ok ok ok ok"
    ),
    "mot-cua/tiep-nhan/don-vi/": _r(
        "GET", "/mot-cua/tiep-nhan/don-vi/?q=ben", "login ok ok ok ok ok ok"
    ),
    "mot-cua/so-theo-doi/": _r(
        "GET", "/mot-cua/so-theo-doi/?unit={ward}", "login 403 403 403 403 ok ok"
    ),
    "mot-cua/h/<str:code>/": _r("GET", "/mot-cua/h/{dossier}/", "login 404 404 404 404 ok ok"),
    "mot-cua/h/<str:code>/thao-tac/<str:action>/": _r(
        "POST", "/mot-cua/h/{dossier}/thao-tac/accept/", "login 404 404 404 404 ok 403"
    ),
    "mot-cua/h/<str:code>/mau-<str:number>.pdf": _r(
        "GET", "/mot-cua/h/{dossier}/mau-06.pdf", "login 404 404 404 404 ok ok"
    ),
    "mot-cua/h/<str:code>/tep/<int:pk>/": _r(
        "GET", "/mot-cua/h/{dossier}/tep/{attachment}/", "login 404 404 404 404 ok ok"
    ),
    # one-stop shop: the citizen
    "dich-vu-cong/": _r("GET", "/dich-vu-cong/", PUBLIC),
    "dich-vu-cong/xa-phuong/": _r("GET", "/dich-vu-cong/xa-phuong/?province={province}", PUBLIC),
    "dich-vu-cong/<str:code>/nop/": _r("GET", "/dich-vu-cong/{procedure}/nop/", PUBLIC),
    "tra-cuu/": _r("GET", "/tra-cuu/?ma={dossier}&dt=3456", PUBLIC),
    "tra-cuu/danh-gia/": _r("POST", "/tra-cuu/danh-gia/", PUBLIC),
    # feedback: the public
    "phan-anh/": _r("GET", "/phan-anh/?province={province}", PUBLIC),
    "phan-anh/diem.geojson": _r("GET", "/phan-anh/diem.geojson?province={province}", PUBLIC),
    "phan-anh/gui/": _r("GET", "/phan-anh/gui/?province={province}", PUBLIC),
    "phan-anh/gui/gan-day/": _r(
        "GET", "/phan-anh/gui/gan-day/?lat=10.7725&lon=106.698&province={province}", PUBLIC
    ),
    "phan-anh/rieng/<str:token>/": _r("GET", "/phan-anh/rieng/{token}/", PUBLIC),
    "phan-anh/rieng/<str:token>/<str:action>/": _r(
        "POST", "/phan-anh/rieng/{token}/close/", PUBLIC
    ),
    "phan-anh/<str:code>/": _r("GET", "/phan-anh/{report}/", PUBLIC),
    "phan-anh/<str:code>/tep/<int:pk>/": _r("GET", "/phan-anh/{report}/tep/{evidence}/", PUBLIC),
    # feedback: officers
    "mot-cua/phan-anh/": _r("GET", "/mot-cua/phan-anh/", "login 403 ok ok ok ok ok"),
    "mot-cua/phan-anh/<str:code>/": _r(
        "GET", "/mot-cua/phan-anh/{report}/", "login 404 404 404 404 ok ok"
    ),
    "mot-cua/phan-anh/<str:code>/thao-tac/<str:action>/": _r(
        "POST",
        "/mot-cua/phan-anh/{report}/thao-tac/accept/",
        "login 404 404 404 404 ok ok",
    ),
    "mot-cua/phan-anh/<str:code>/kiem-duyet/": _r(
        "POST", "/mot-cua/phan-anh/{report}/kiem-duyet/", "login 404 404 404 404 403 invalid"
    ),
    # Open311 GeoReport v2
    "open311/v2/discovery.<str:fmt>": _r("GET", "/open311/v2/discovery.json", PUBLIC),
    "open311/v2/services.<str:fmt>": _r(
        "GET", "/open311/v2/services.json?jurisdiction_id={province}", PUBLIC
    ),
    "open311/v2/services/<slug:code>.<str:fmt>": _r(
        "GET", "/open311/v2/services/drainage.json?jurisdiction_id={province}", PUBLIC
    ),
    "open311/v2/requests.<str:fmt>": _r(
        "GET", "/open311/v2/requests.json?jurisdiction_id={province}", PUBLIC
    ),
    "open311/v2/requests/<slug:code>.<str:fmt>": _r(
        "GET", "/open311/v2/requests/{report}.json?jurisdiction_id={province}", PUBLIC
    ),
    "open311/v2/tokens/<slug:token>.<str:fmt>": _r(
        "GET", "/open311/v2/tokens/{token}.json?jurisdiction_id={province}", PUBLIC
    ),
    # the working calendar (national: system administrators only)
    "lich/": _r("GET", "/lich/", PUBLIC),
    "lich/ngay-hoan-doi/": _r(
        "POST",
        "/lich/ngay-hoan-doi/",
        "login 403 403 403 403 403 403",
        data={"date": "2026-12-26", "kind": "working", "note": "làm bù"},
    ),
    "lich/ngay-hoan-doi/<int:pk>/xoa/": _r(
        "POST", "/lich/ngay-hoan-doi/1/xoa/", "login 403 403 403 403 403 403"
    ),
    # the service index
    "chi-so/": _r("GET", "/chi-so/", "login 403 ok ok ok ok ok"),
    "chi-so/cach-tinh/": _r("GET", "/chi-so/cach-tinh/", PUBLIC),
    "chi-so/tinh/<str:province>/": _r(
        "GET", "/chi-so/tinh/{province}/", "login 403 403 403 403 403 ok"
    ),
    "chi-so/tinh/<str:province>/ban-do.geojson": _r(
        "GET", "/chi-so/tinh/{province}/ban-do.geojson", "login 403 403 403 403 403 ok"
    ),
    "chi-so/tinh/<str:province>/xuat.<str:fmt>": _r(
        "GET", "/chi-so/tinh/{province}/xuat.csv", "login 403 403 403 403 403 ok"
    ),
    "chi-so/tinh/<str:province>/chi-tieu/": _r(
        "POST", "/chi-so/tinh/{province}/chi-tieu/", "login 403 403 403 403 403 ok"
    ),
    "chi-so/don-vi/<str:code>/": _r("GET", "/chi-so/don-vi/{ward}/", "login 403 403 403 403 ok ok"),
    "chi-so/don-vi/<str:code>/<str:what>/": _r(
        "GET", "/chi-so/don-vi/{ward}/ho-so/", "login 403 403 403 403 ok ok"
    ),
}

INTAKE = {
    "procedure_code": "{procedure}",
    "receiving_unit": "{ward}",
    "applicant": {
        "name": "Lê Văn Nam",
        "id_number": "079190004321",
        "phone": "0903 222 333",
        "address": "12 Lê Lợi, Phường Bến Thành, TP.HCM",
    },
}
API: dict[str, Row] = {
    "GET /api/v1/health": _r("GET", "/api/v1/health", PUBLIC),
    "GET /api/v1/units/provinces": _r("GET", "/api/v1/units/provinces", PUBLIC),
    "GET /api/v1/units/communes": _r("GET", "/api/v1/units/communes?province={province}", PUBLIC),
    "GET /api/v1/units/convert": _r(
        "GET", "/api/v1/units/convert?address=Phuong+Ben+Thanh,+Quan+1,+TP+Ho+Chi+Minh", PUBLIC
    ),
    "GET /api/v1/units/locate": _r("GET", "/api/v1/units/locate?lat=10.7725&lon=106.698", PUBLIC),
    "GET /api/v1/units/provinces/{code}": _r("GET", "/api/v1/units/provinces/{province}", PUBLIC),
    "GET /api/v1/units/communes/{code}": _r("GET", "/api/v1/units/communes/{ward}", PUBLIC),
    "GET /api/v1/units/communes/{code}/boundary": _r(
        "GET", "/api/v1/units/communes/{ward}/boundary", PUBLIC
    ),
    "GET /api/v1/procedures": _r("GET", "/api/v1/procedures", PUBLIC),
    "GET /api/v1/procedures/{code}": _r("GET", "/api/v1/procedures/{procedure}", PUBLIC),
    "POST /api/v1/dossiers": _r(
        "POST", "/api/v1/dossiers", "login 403 403 403 403 ok 403", data=INTAKE, json=True
    ),
    "GET /api/v1/dossiers": _r("GET", "/api/v1/dossiers?unit={ward}", "login ok ok ok ok ok ok"),
    "POST /api/v1/dossiers/online": _r("POST", "/api/v1/dossiers/online", PUBLIC, json=True),
    "GET /api/v1/dossiers/{code}": _r(
        "GET", "/api/v1/dossiers/{dossier}", "login 404 404 404 404 ok ok"
    ),
    "POST /api/v1/dossiers/{code}/actions/{action}": _r(
        "POST",
        "/api/v1/dossiers/{dossier}/actions/accept",
        "login 404 404 404 404 ok 403",
        json=True,
    ),
    "GET /api/v1/dossiers/{code}/forms/{number}.pdf": _r(
        "GET", "/api/v1/dossiers/{dossier}/forms/06.pdf", "login 404 404 404 404 ok ok"
    ),
    "GET /api/v1/dossiers/{code}/tracking": _r(
        "GET", "/api/v1/dossiers/{dossier}/tracking?phone=3456", PUBLIC
    ),
    "POST /api/v1/dossiers/{code}/rating": _r(
        "POST", "/api/v1/dossiers/{dossier}/rating", PUBLIC, json=True
    ),
    "POST /api/v1/dossiers/{code}/attachments": _r(
        "POST", "/api/v1/dossiers/{dossier}/attachments", PUBLIC
    ),
    "GET /api/v1/feedback/categories": _r(
        "GET", "/api/v1/feedback/categories?province={province}", PUBLIC
    ),
    "POST /api/v1/feedback": _r("POST", "/api/v1/feedback", PUBLIC, json=True),
    "GET /api/v1/feedback/queue": _r("GET", "/api/v1/feedback/queue", "login ok ok ok ok ok ok"),
    "GET /api/v1/feedback/{code}": _r("GET", "/api/v1/feedback/{report}", PUBLIC),
    "POST /api/v1/feedback/{code}/actions/{action}": _r(
        "POST",
        "/api/v1/feedback/{report}/actions/accept",
        "login 403 403 403 403 ok ok",
        json=True,
    ),
    "POST /api/v1/feedback/{code}/evidence": _r(
        "POST",
        "/api/v1/feedback/{report}/evidence",
        "login 403 403 403 403 invalid invalid",
        data={"evidence": PNG},
    ),
    "GET /api/v1/metrics/index": _r(
        "GET", "/api/v1/metrics/index?province={province}", "login 403 403 403 403 403 ok"
    ),
    "GET /api/v1/metrics/units/{code}": _r(
        "GET", "/api/v1/metrics/units/{ward}", "login 403 403 403 403 ok ok"
    ),
}



def _app_rows() -> None:
    """Each app may keep its rows in tests/security/rows_<app>.py (PAGES and API dicts), so that
    modules built side by side do not edit this file; a route listed twice stops the test."""
    import importlib
    from pathlib import Path

    for path in sorted(Path(__file__).parent.glob("rows_*.py")):
        module = importlib.import_module(f"tests.security.{path.stem}")
        for mine, theirs in ((PAGES, getattr(module, "PAGES", {})), (API, getattr(module, "API", {}))):
            twice = mine.keys() & theirs.keys()
            if twice:
                raise RuntimeError(f"{path.name} lists routes already in the table: {sorted(twice)}")
            mine.update(theirs)


_app_rows()
HTML: dict[str, Row] = {**ADMIN, **PAGES}
