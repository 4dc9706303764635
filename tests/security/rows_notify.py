"""Permission-matrix rows of electronic results (dossiers) and notifications (see
permission_table.py for the outcome classes and placeholders)."""

from __future__ import annotations

from tests.security.permission_table import PUBLIC, Row, _r

PDF = b"%PDF-1.7\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n"
NO_RESULT = "the world's dossier has no result yet: whoever may see it gets the same 404 as others"

PAGES: dict[str, Row] = {
    "mot-cua/h/<str:code>/ket-qua.pdf": _r(
        "GET", "/mot-cua/h/{dossier}/ket-qua.pdf", "login 404 404 404 404 404 404", why=NO_RESULT
    ),
    "mot-cua/h/<str:code>/ket-qua/tai-len/": _r(
        "POST",
        "/mot-cua/h/{dossier}/ket-qua/tai-len/",
        "login 404 404 404 404 invalid 403",
        data={"result": PDF},
        why="own (a leader, who may process) is refused by the status (registered); the "
        "province administrator may only view",
    ),
    "tra-cuu/ket-qua/": _r("POST", "/tra-cuu/ket-qua/", PUBLIC),
}

API: dict[str, Row] = {
    "POST /api/v1/dossiers/{code}/result": _r(
        "POST",
        "/api/v1/dossiers/{dossier}/result",
        "login 404 404 404 404 invalid 403",
        data={"file": PDF},
    ),
    "GET /api/v1/dossiers/{code}/result": _r(
        "GET", "/api/v1/dossiers/{dossier}/result", "login 404 404 404 404 404 404", why=NO_RESULT
    ),
    "GET /api/v1/dossiers/{code}/tracking/result": _r(
        "GET", "/api/v1/dossiers/{dossier}/tracking/result", PUBLIC
    ),
}

PAGES["he-thong/thong-bao/"] = _r(
    "GET",
    "/he-thong/thong-bao/",
    "login 403 403 403 403 403 403",
    why="the system administrator's page: every other actor, the province's too, is refused",
)

PAGES["dich-vu-cong/ho-so/<str:code>/ket-qua.pdf"] = _r(
    "GET",
    "/dich-vu-cong/ho-so/{dossier}/ket-qua.pdf",
    "login 404 404 404 404 404 404",
    why="only the signed-in citizen who filed the dossier online, after return",
)
