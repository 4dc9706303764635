"""Swap days decided so far (also in the `holidays` package; kept here as editable data)."""

import datetime as dt

from django.db import migrations

SWAPS = [
    (
        dt.date(2025, 4, 26),
        "working",
        "Làm bù thứ Bảy 26/4/2025 cho ngày nghỉ thứ Sáu 2/5/2025 (Bộ Nội vụ)",
    ),
    (dt.date(2025, 5, 2), "off", "Nghỉ thứ Sáu 2/5/2025, làm bù thứ Bảy 26/4/2025"),
    (
        dt.date(2026, 8, 22),
        "working",
        "Làm bù thứ Bảy 22/8/2026 cho ngày nghỉ 31/8/2026 (chưa kiểm chứng)",
    ),
    (dt.date(2026, 8, 31), "off", "Nghỉ thứ Hai 31/8/2026 liền kề Quốc khánh (chưa kiểm chứng)"),
]


def seed(apps, schema_editor):
    CalendarDay = apps.get_model("workdays", "CalendarDay")
    for date, kind, note in SWAPS:
        CalendarDay.objects.get_or_create(date=date, defaults={"kind": kind, "note": note})


class Migration(migrations.Migration):
    dependencies = [("workdays", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
