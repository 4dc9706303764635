"""Report search (core.search, ADR 18): description, code and address folded and stored; the
existing reports filled in batches; on PostgreSQL a pg_trgm GIN index serves the search."""

from django.db import migrations, models

from haicap.core.search import backfill, trigram_index


class Migration(migrations.Migration):

    dependencies = [
        ('feedback', '0009_idempotency_fingerprint'),
    ]

    operations = [
        migrations.AddField(
            model_name='report',
            name='search_key',
            field=models.TextField(blank=True, default='', editable=False),
        ),
        migrations.AddField(
            model_name='report',
            name='search_name',
            field=models.CharField(blank=True, default='', editable=False, max_length=120),
        ),
        backfill("feedback", "Report", ("description", "code", "address")),
        trigram_index("feedback_report", "search_key", "report_search_trgm"),
    ]
