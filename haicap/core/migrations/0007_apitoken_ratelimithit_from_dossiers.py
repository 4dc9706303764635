"""ApiToken and RateLimitHit move here from the dossiers app (feedback and metrics use them too).
Only Django's model state moves: the tables keep their names and rows (dossiers 0007 removes the
models from the dossiers app's state, without touching the tables either)."""

import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("core", "0006_alter_auditevent_action"),
        ("dossiers", "0006_open_due_covering"),  # the tables exist
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.SeparateDatabaseAndState(
            state_operations=[
                migrations.CreateModel(
                    name="RateLimitHit",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key", models.CharField(db_index=True, max_length=120)),
                        ("at", models.DateTimeField(db_index=True)),
                    ],
                    options={
                        "db_table": "dossiers_ratelimithit",
                    },
                ),
                migrations.CreateModel(
                    name="ApiToken",
                    fields=[
                        (
                            "id",
                            models.BigAutoField(
                                auto_created=True,
                                primary_key=True,
                                serialize=False,
                                verbose_name="ID",
                            ),
                        ),
                        ("key_hash", models.CharField(max_length=64, unique=True)),
                        ("label", models.CharField(max_length=100, verbose_name="tên gọi")),
                        (
                            "created_at",
                            models.DateTimeField(auto_now_add=True, verbose_name="cấp lúc"),
                        ),
                        (
                            "revoked_at",
                            models.DateTimeField(blank=True, null=True, verbose_name="thu hồi lúc"),
                        ),
                        (
                            "user",
                            models.ForeignKey(
                                on_delete=django.db.models.deletion.CASCADE,
                                related_name="+",
                                to=settings.AUTH_USER_MODEL,
                                verbose_name="người dùng",
                            ),
                        ),
                    ],
                    options={
                        "db_table": "dossiers_apitoken",
                        "verbose_name": "token API",
                        "verbose_name_plural": "token API",
                    },
                ),
            ],
            database_operations=[],
        ),
    ]
