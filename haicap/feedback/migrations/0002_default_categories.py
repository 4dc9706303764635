"""The default categories (haicap.feedback.defaults), as data every province starts with."""

from django.db import migrations


def seed(apps, schema_editor):
    from haicap.feedback.defaults import DEFAULT_CATEGORIES

    Category = apps.get_model("feedback", "Category")
    for code, name, name_en, kind, body, days in DEFAULT_CATEGORIES:
        Category.objects.update_or_create(
            province_code="",
            code=code,
            defaults={
                "name": name,
                "name_en": name_en,
                "body_kind": kind,
                "body_name": body,
                "sla_working_days": days,
            },
        )


def unseed(apps, schema_editor):
    apps.get_model("feedback", "Category").objects.filter(province_code="").delete()


class Migration(migrations.Migration):
    dependencies = [("feedback", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
