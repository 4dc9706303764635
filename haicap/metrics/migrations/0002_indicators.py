"""The indicators of Decision 766 and the default targets, from metrics/data/index766.json."""

import datetime as dt
import json
from pathlib import Path

from django.db import migrations

DATA = Path(__file__).resolve().parent.parent / "data" / "index766.json"


def load(apps, schema_editor):
    Indicator = apps.get_model("metrics", "Indicator")
    Target = apps.get_model("metrics", "Target")
    data = json.loads(DATA.read_text(encoding="utf-8"))
    for order, item in enumerate(data["indicators"], start=1):
        Indicator.objects.update_or_create(
            code=item["code"],
            defaults={
                "group": item["group"],
                "name": item["name"],
                "points": item["points"],
                "full_at": item["full_at"],
                "measure": item["measure"],
                "order": order,
                "source": data["source"][:200],
            },
        )
    for item in data["targets"]:  # province_code "": the default for every province
        Target.objects.update_or_create(
            province_code="",
            code=item["code"],
            defaults={
                "value": item["value"],
                "baseline_from": dt.date.fromisoformat(item["baseline_from"])
                if item.get("baseline_from")
                else None,
                "baseline_to": dt.date.fromisoformat(item["baseline_to"])
                if item.get("baseline_to")
                else None,
            },
        )


class Migration(migrations.Migration):
    dependencies = [("metrics", "0001_initial")]
    operations = [migrations.RunPython(load, migrations.RunPython.noop)]
