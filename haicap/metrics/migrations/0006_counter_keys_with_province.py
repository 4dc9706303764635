"""The counters' keys include province_code, the partition key (docs/operations.md); a unit is in
one province, so the rows are the same. counters.py's ON CONFLICT targets name the new keys."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("metrics", "0005_open_due"),
    ]

    operations = [
        migrations.RemoveConstraint(
            model_name="unitday",
            name="metrics_unitday_unique",
        ),
        migrations.RemoveConstraint(
            model_name="unitmonth",
            name="metrics_unitmonth_unique",
        ),
        migrations.AddConstraint(
            model_name="unitday",
            constraint=models.UniqueConstraint(
                fields=("unit_code", "day", "province_code"), name="metrics_unitday_unique"
            ),
        ),
        migrations.AddConstraint(
            model_name="unitmonth",
            constraint=models.UniqueConstraint(
                fields=("unit_code", "month", "province_code"), name="metrics_unitmonth_unique"
            ),
        ),
    ]
