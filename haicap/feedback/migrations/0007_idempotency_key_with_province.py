"""A report's idempotency key is unique within its province, like a dossier's (the key a
partitioned table can enforce). Code and token stay unique nationally (docs/operations.md)."""

from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("feedback", "0006_open_due_covering"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="report",
            constraint=models.UniqueConstraint(
                fields=("idempotency_key", "province_code"),
                name="report_idempotency_key_unique_in_province",
            ),
        ),
        migrations.AlterField(
            model_name="report",
            name="idempotency_key",
            field=models.CharField(blank=True, max_length=80, null=True),
        ),
    ]
