"""The dossier's unique keys include province_code, the key the table can be partitioned by
(docs/operations.md): PostgreSQL enforces a unique key on a partitioned table only if it
includes the partition key. The code stays unique nationally by construction (its agency part
is a unit code, DailySequence numbers it). The new keys are added before the old ones go, so
the table is never without one; both lead with the looked-up column."""

from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0007_apitoken_ratelimithit_to_core"),
        ("procedures", "0001_initial"),
        ("units", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="dossier",
            constraint=models.UniqueConstraint(
                fields=("code", "province_code"), name="dossier_code_unique_in_province"
            ),
        ),
        migrations.AddConstraint(
            model_name="dossier",
            constraint=models.UniqueConstraint(
                fields=("idempotency_key", "province_code"),
                name="dossier_idempotency_key_unique_in_province",
            ),
        ),
        migrations.AlterField(
            model_name="dossier",
            name="code",
            field=models.CharField(max_length=32, verbose_name="mã hồ sơ"),
        ),
        migrations.AlterField(
            model_name="dossier",
            name="idempotency_key",
            field=models.CharField(blank=True, max_length=80, null=True),
        ),
    ]
