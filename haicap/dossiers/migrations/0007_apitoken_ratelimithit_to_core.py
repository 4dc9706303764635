"""ApiToken and RateLimitHit now belong to the core app (core 0007): removed from this app's
model state only; the tables and their rows stay as they are."""

from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("dossiers", "0006_open_due_covering"),
        ("core", "0007_apitoken_ratelimithit_from_dossiers"),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.RemoveField(
                    model_name="apitoken",
                    name="user",
                ),
                migrations.DeleteModel(
                    name="RateLimitHit",
                ),
                migrations.DeleteModel(
                    name="ApiToken",
                ),
            ],
            database_operations=[],
        ),
    ]
