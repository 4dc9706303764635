"""Permission-matrix rows of the province's settings in bulk (`/procedures/cau-hinh/`): a
province administrator manages her own province's sheet (Hanoi's administrator gets Hanoi's);
everyone else is refused before anything is read. No upload 0 exists: the administrators'
404 is the same answer as for another province's upload."""

from __future__ import annotations

from tests.security.permission_table import PNG, Row, _r

PAGES: dict[str, Row] = {
    "procedures/cau-hinh/": _r("GET", "/procedures/cau-hinh/", "login 403 403 403 ok 403 ok"),
    "procedures/cau-hinh/tai-ve.xlsx": _r(
        "GET", "/procedures/cau-hinh/tai-ve.xlsx?level=commune", "login 403 403 403 ok 403 ok"
    ),
    "procedures/cau-hinh/tai-len/": _r(
        "POST",
        "/procedures/cau-hinh/tai-len/",
        "login 403 403 403 invalid 403 invalid",
        data={"file": PNG},
        why="a PNG is not a sheet: 422 naming the file, after the permission check",
    ),
    "procedures/cau-hinh/tai-len/<int:pk>/": _r(
        "GET", "/procedures/cau-hinh/tai-len/0/", "login 403 403 403 404 403 404"
    ),
    "procedures/cau-hinh/tai-len/<int:pk>/ap-dung/": _r(
        "POST", "/procedures/cau-hinh/tai-len/0/ap-dung/", "login 403 403 403 404 403 404"
    ),
}
API: dict[str, Row] = {}
