"""Benchmark: a province's settings sheet for the whole catalogue (2,378 procedures): export,
check, apply, against a baseline in the same run.

On a throwaway SQLite database with the real catalogue: export HCMC's sheet; change every row
(boundary-free on, and a fee) so that the apply writes them all; check it (the preview); apply
it in one transaction; apply it again (nothing changes). The baseline is what configuring the
province one procedure at a time costs: `province_procedure_configure` (one `ProvinceProcedure`
save, its audit event and a cache clear) over 100 procedures, scaled to the catalogue. Prints
one JSON line.
"""

from __future__ import annotations

import io
import json
import time

from _setup import django_with_reference_data, machine

BASELINE_ROWS = 100


def _timed(run):  # type: ignore[no-untyped-def]
    start = time.perf_counter()
    result = run()
    return result, time.perf_counter() - start


def main() -> None:
    django_with_reference_data()
    from openpyxl import load_workbook

    from haicap.core.workflow import SYSTEM
    from haicap.procedures.loading import procedures_load
    from haicap.procedures.models import Procedure, ProvinceProcedure
    from haicap.procedures.services import province_procedure_configure
    from haicap.procedures.settings_bulk import settings_apply, settings_check, settings_export
    from haicap.procedures.settings_sheet import COLUMNS

    procedures_load()
    content, export_s = _timed(lambda: settings_export("79", actor=SYSTEM))
    book = load_workbook(io.BytesIO(content))
    column = {key: i for i, (key, _) in enumerate(COLUMNS)}
    for row in book.active.iter_rows(min_row=2):
        row[column["boundary_free"]].value = "có"
        row[column["fee_vnd"]].value = 10000
    out = io.BytesIO()
    book.save(out)
    edited = out.getvalue()
    check, check_s = _timed(lambda: settings_check("79", edited))
    applied, apply_s = _timed(lambda: settings_apply("79", edited, actor=SYSTEM))
    again, again_s = _timed(lambda: settings_apply("79", edited, actor=SYSTEM))
    assert not check.errors and len(applied.changes) == check.rows and not again.changes

    ProvinceProcedure.objects.filter(province_code="01").delete()
    sample = list(Procedure.objects.order_by("code")[:BASELINE_ROWS])
    admin = _admin("01")

    def one_by_one() -> None:
        for p in sample:
            province_procedure_configure(
                province_code="01", procedure=p, actor=admin, offered=True,
                boundary_free=True, online_level="none", fee_vnd=10000,
            )  # fmt: skip

    _, baseline_s = _timed(one_by_one)
    rows = check.rows
    baseline_scaled = baseline_s * rows / BASELINE_ROWS
    print(
        json.dumps(
            {
                "bench": "province_settings",
                "procedures": rows,
                "sheet_bytes": len(content),
                "export_s": round(export_s, 3),
                "check_s": round(check_s, 3),
                "apply_s": round(apply_s, 3),
                "apply_again_s": round(again_s, 3),
                "changes": len(applied.changes),
                "baseline": f"province_procedure_configure x{BASELINE_ROWS}, scaled to {rows}",
                "baseline_s": round(baseline_scaled, 3),
                "apply_vs_baseline": round(baseline_scaled / apply_s, 1),
                "machine": machine(),
            },
            ensure_ascii=False,
        )
    )


def _admin(province: str):  # type: ignore[no-untyped-def]
    from django.contrib.auth import get_user_model

    from haicap.core.roles import Role
    from haicap.core.services import membership_grant
    from haicap.units.models import Unit

    user, created = get_user_model().objects.get_or_create(username=f"bench.quantri.{province}")
    if created:
        unit = Unit.objects.current().get(level="province", code=province)
        membership_grant(user=user, role=Role.PROVINCE_ADMIN, unit=unit, actor=None)
    return user


if __name__ == "__main__":
    main()
