"""Procedure search (core.search, ADR 18): the name without its leading "Thủ tục", folded, for
ranking "đăng ký khai sinh" exactly; on PostgreSQL a pg_trgm GIN index serves the search."""

from django.db import migrations, models

from haicap.core.search import backfill, trigram_index
from haicap.procedures.models import search_values


def _plain(values):
    return {**values, **search_values(values["code"], values["name"], values["field"])}


class Migration(migrations.Migration):

    dependencies = [
        ('procedures', '0002_province_settings_upload'),
    ]

    operations = [
        migrations.AddField(
            model_name='procedure',
            name='search_name',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        backfill("procedures", "Procedure", ("name", "code", "field"), prepare=_plain, columns=("search_name",)),
        trigram_index("procedures_procedure", "search_key", "procedure_search_trgm"),
    ]
