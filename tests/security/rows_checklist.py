"""Permission-matrix rows of the counter checklist (issue 20, parts 1 and 3)."""

from __future__ import annotations

from tests.security.permission_table import PUBLIC, Row, _r

PAGES: dict[str, Row] = {
    # the checklist fragment: whoever may receive somewhere, like the counter form itself
    "mot-cua/tiep-nhan/giay-to/": _r(
        "GET", "/mot-cua/tiep-nhan/giay-to/?procedure_code=1.001193", "login 403 ok ok 403 ok 403"
    ),
}
API: dict[str, Row] = {
    "GET /api/v1/procedures/{code}/checklist": _r(
        "GET", "/api/v1/procedures/{procedure}/checklist", PUBLIC
    ),
}
