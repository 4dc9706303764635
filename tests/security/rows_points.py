"""Permission-matrix rows of the service points (ADR 0015): the public list of points."""

from __future__ import annotations

from tests.security.permission_table import PUBLIC, Row, _r

PAGES: dict[str, Row] = {
    "diem-tiep-nhan/": _r("GET", "/diem-tiep-nhan/?province=79&q=le+duan", PUBLIC),
    "diem-tiep-nhan/<str:code>/sua/": _r(
        "POST",
        "/diem-tiep-nhan/79C01/sua/",
        "login 403 403 403 403 403 ok",
        data={"address": "47 Lê Duẩn, Phường Sài Gòn", "hours": "Thứ Hai – Thứ Sáu: 7:30 – 17:00"},
        why="only the administrator of the point's province corrects it",
    ),
}
API: dict[str, Row] = {
    "GET /api/v1/units/points": _r("GET", "/api/v1/units/points?province={province}", PUBLIC),
}
