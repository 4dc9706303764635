"""Permission-matrix rows of the service points (ADR 0015): the public list of points."""

from __future__ import annotations

from tests.security.permission_table import PUBLIC, Row, _r

PAGES: dict[str, Row] = {
    "diem-tiep-nhan/": _r("GET", "/diem-tiep-nhan/?province=79&q=le+duan", PUBLIC),
}
API: dict[str, Row] = {
    "GET /api/v1/units/points": _r("GET", "/api/v1/units/points?province={province}", PUBLIC),
}
