"""Unit search (core.search, ADR 18): the full name folded, for ranking the exact and prefix
matches first (search_key, the text, was there); on PostgreSQL a pg_trgm GIN index serves it."""

from django.db import migrations, models

from haicap.core.search import backfill, trigram_index


class Migration(migrations.Migration):

    dependencies = [
        ('units', '0002_service_points'),
    ]

    operations = [
        migrations.AddField(
            model_name='unit',
            name='search_name',
            field=models.CharField(blank=True, default='', editable=False, max_length=120),
        ),
        backfill("units", "Unit", ("full_name", "code", "name_en", "aliases"), columns=("search_name",)),
        trigram_index("units_unit", "search_key", "unit_search_trgm"),
    ]
