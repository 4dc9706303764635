"""Permission-matrix rows of online filing (haicap.dossiers: mine, portal): a signed-in
citizen's own dossiers, the portal's address conversion. Actors, in order:
anonymous citizen other_ward other_province other_admin own province."""

from __future__ import annotations

from tests.security.permission_table import PUBLIC, Row, _r

# officers and administrators hold no `dossiers.own`: 403; the matrix's citizen did not file
# the world's dossier (anonymous filing), so its page answers 404 as a missing one
OWN_ONLY = "login ok 403 403 403 403 403"
NOT_THEIRS = "login 404 403 403 403 403 403"

PAGES: dict[str, Row] = {
    "ho-so-cua-toi/": _r("GET", "/ho-so-cua-toi/", OWN_ONLY),
    "ho-so-cua-toi/thong-tin/xoa/": _r("POST", "/ho-so-cua-toi/thong-tin/xoa/", OWN_ONLY),
    "ho-so-cua-toi/<str:code>/": _r("GET", "/ho-so-cua-toi/{dossier}/", NOT_THEIRS),
    "dich-vu-cong/dia-chi/": _r(
        "GET", "/dich-vu-cong/dia-chi/?applicant_address=25+Tran+Quoc+Thao,+P.9,+Q.3", PUBLIC
    ),
}

API: dict[str, Row] = {
    "GET /api/v1/me/dossiers": _r("GET", "/api/v1/me/dossiers", OWN_ONLY),
    "GET /api/v1/me/dossiers/{code}": _r("GET", "/api/v1/me/dossiers/{dossier}", NOT_THEIRS),
}
