"""`open_due`: the dossiers open now (accepted or processing) counted on the day they are due,
so that the overdue ones of a period come from the counters instead of the dossier table.
Existing installations get the counter computed from their open dossiers here."""

from collections import Counter
from zoneinfo import ZoneInfo

from django.db import migrations, models
from django.db.models import Count, F
from django.db.models.functions import TruncDate

VN = ZoneInfo("Asia/Ho_Chi_Minh")
OPEN_STATUSES = (2, 4)


def count_open_dossiers(apps, schema_editor):
    Dossier = apps.get_model("dossiers", "Dossier")
    UnitDay = apps.get_model("metrics", "UnitDay")
    UnitMonth = apps.get_model("metrics", "UnitMonth")
    days: Counter = Counter()
    rows = (
        Dossier.objects.filter(status__in=OPEN_STATUSES, due_at__isnull=False)
        .annotate(_day=TruncDate("due_at", tzinfo=VN), _unit=F("competent_unit__code"))
        .values("province_code", "_unit", "_day")
        .annotate(n=Count("id"))
        .order_by()
    )
    for row in rows:
        days[row["province_code"], row["_unit"], row["_day"]] += row["n"]
    months: Counter = Counter()
    for (province, unit, day), n in days.items():
        months[province, unit, day.replace(day=1)] += n
    for model, period, counts in ((UnitDay, "day", days), (UnitMonth, "month", months)):
        for (province, unit, when), n in counts.items():
            updated = model.objects.filter(unit_code=unit, **{period: when}).update(open_due=n)
            if not updated:
                model.objects.create(
                    province_code=province, unit_code=unit, open_due=n, **{period: when}
                )


class Migration(migrations.Migration):
    dependencies = [
        ("metrics", "0004_counter_fillfactor"),
        ("dossiers", "0005_fewer_indexes"),
    ]

    operations = [
        migrations.AddField(
            model_name="unitday",
            name="open_due",
            field=models.IntegerField(default=0),
        ),
        migrations.AddField(
            model_name="unitmonth",
            name="open_due",
            field=models.IntegerField(default=0),
        ),
        migrations.RunPython(count_open_dossiers, migrations.RunPython.noop),
    ]
