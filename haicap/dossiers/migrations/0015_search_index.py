"""The officers' search (core.search, ADR 18): the applicant's name, and name, code, phone and
online reference, folded and stored; the existing dossiers filled in batches; on PostgreSQL a
pg_trgm GIN index serves the LIKE of the search."""

from django.db import migrations, models

from haicap.core.search import backfill, trigram_index


class Migration(migrations.Migration):

    dependencies = [
        ('dossiers', '0014_online_filing'),
    ]

    operations = [
        migrations.AddField(
            model_name='dossier',
            name='search_key',
            field=models.CharField(blank=True, default='', editable=False, max_length=200),
        ),
        migrations.AddField(
            model_name='dossier',
            name='search_name',
            field=models.CharField(blank=True, default='', editable=False, max_length=120),
        ),
        backfill("dossiers", "Dossier", ("applicant_name", "code", "applicant_phone", "online_reference")),
        trigram_index("dossiers_dossier", "search_key", "dossier_search_trgm"),
    ]
