"""Counter rows are updated on every dossier and report write: pages left 30% free let
PostgreSQL update a row in place (a HOT update, no index entry), so the tables stay compact
under a bulk load or a busy day instead of growing by a page per update."""

from django.db import migrations

TABLES = ("metrics_unitday", "metrics_unitmonth")
FILLFACTOR = 70


def set_fillfactor(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} SET (fillfactor = {FILLFACTOR})")


def reset_fillfactor(apps, schema_editor):
    if schema_editor.connection.vendor == "postgresql":
        for table in TABLES:
            schema_editor.execute(f"ALTER TABLE {table} RESET (fillfactor)")


class Migration(migrations.Migration):
    dependencies = [("metrics", "0003_national_indexes")]

    operations = [migrations.RunPython(set_fillfactor, reset_fillfactor)]
