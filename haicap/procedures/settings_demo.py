"""`haicap procedures settings demo --province 79`: a province's commune procedures configured
from one sheet, the way its administrator would: download the sheet, fill it in, upload it.

The demonstration sheet offers every commune procedure, boundary-free (as HCMC does since July
2025), and marks as verified only the times it can vouch for: those the national record states
with their unit, and the few below, checked by hand against the law. Those procedures are
offered fully online where the catalogue has an online channel; the others stay offline with the
officers' warning until the province checks their time. The filled-in sheet is left in
`HAICAP_VAR_DIR/demo/` for the administrator to open."""

from __future__ import annotations

import io
import time
from collections.abc import Iterator
from pathlib import Path
from typing import Any

from django.conf import settings as django_settings

from haicap.core.models import Membership
from haicap.core.roles import Role
from haicap.core.text import search_key
from haicap.core.workflow import SYSTEM
from haicap.procedures.models import Procedure
from haicap.procedures.settings_bulk import settings_export, settings_upload, upload_apply
from haicap.procedures.settings_sheet import COLUMNS, NO, ONLINE_LABELS, YES

# code: (time, unit label, the rule it was checked against)
HAND_CHECKED: dict[str, tuple[int, str, str]] = {
    "1.001193": (1, "ngày làm việc", "Luật Hộ tịch 2014 Điều 16: ngay khi nhận đủ giấy tờ"),
    "1.000656": (1, "ngày làm việc", "Luật Hộ tịch 2014 Điều 34: ngay khi nhận đủ giấy tờ"),
    "1.000894": (1, "ngày làm việc", "Luật Hộ tịch 2014 Điều 18: ngay khi nhận đủ giấy tờ"),
    "1.004873": (3, "ngày làm việc", "Nghị định 123/2015 Điều 22: 03 ngày làm việc"),
    "2.000815": (1, "ngày làm việc", "Nghị định 23/2015 Điều 7: trong ngày hoặc ngày làm việc tiếp theo"),
    "2.000884": (1, "ngày làm việc", "Nghị định 23/2015 Điều 7: trong ngày hoặc ngày làm việc tiếp theo"),
}
INDEX = {key: i for i, (key, _) in enumerate(COLUMNS)}


def _actor(province: str) -> Any:
    """The province's administrator (the demo's), or the system when there is none."""
    member = (
        Membership.objects.filter(
            role=Role.PROVINCE_ADMIN, unit__code=province, unit__level="province", revoked_at=None
        )
        .select_related("user")
        .first()
    )
    return member.user if member else SYSTEM


def _fill(row: tuple[Any, ...], online: set[str]) -> None:
    cells = {key: row[i] for key, i in INDEX.items()}
    code = str(cells["code"].value)
    cells["offered"].value = YES
    cells["boundary_free"].value = YES
    if code in HAND_CHECKED:
        value, unit, _ = HAND_CHECKED[code]
        cells["time_value"].value, cells["time_unit"].value = value, unit
        cells["time_verified"].value = YES
    verified = search_key(str(cells["time_verified"].value)) == "co"
    full = verified and code in online
    cells["online_level"].value = ONLINE_LABELS["full"] if full else ONLINE_LABELS["none"]
    if not verified:
        cells["time_verified"].value = NO


def demo_sheet(province: str) -> bytes:
    """The province's commune sheet, filled in as the demonstration's administrator would."""
    from openpyxl import load_workbook

    book = load_workbook(io.BytesIO(settings_export(province, actor=SYSTEM, level="commune")))
    online = set(
        Procedure.objects.filter(level_codes__contains="commune", online_available=True).values_list(
            "code", flat=True
        )
    )
    for row in book.active.iter_rows(min_row=2):
        _fill(row, online)
    out = io.BytesIO()
    book.save(out)
    return out.getvalue()


def demo_configure(province: str) -> Iterator[str]:
    started = time.perf_counter()
    content = demo_sheet(province)
    folder = Path(django_settings.VAR_DIR) / "demo"
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / f"cau-hinh-thu-tuc-{province}.xlsx"
    path.write_bytes(content)
    actor = _actor(province)
    # uploaded and applied as the administrator would: the page's history lists it
    upload = settings_upload(province, content, filename=path.name, actor=actor)
    check = upload_apply(upload, actor=actor)
    user = actor.get_username() if actor is not SYSTEM else "hệ thống"
    yield (
        f"Cấu hình thủ tục cấp xã của tỉnh {province} từ một bảng ({path}): {check.rows} dòng, "
        f"{len(check.changes)} thủ tục thay đổi, người áp dụng {user}, "
        f"{time.perf_counter() - started:.1f} s."
    )
