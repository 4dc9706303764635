"""AuditEvent.action without choices: the apps declare their actions (haicap.core.registry), so
a new action no longer needs a core migration.

This squash replaces 0002-0006, which only changed the list of choices, and is itself the
migration that removes them. Choices live in Django's state, never in the database, so there is
nothing to run: a fresh database applies this instead of 0002-0006; one that has 0002-0006
applied counts it as applied (`migrate` records it) and takes the state without choices from
here. It cannot also replace a separate "remove the choices" migration after 0007: a squash
replacing migrations on both sides of 0007 would depend on 0007 and 0007 on it.
Once every database has it recorded, 0002-0006 can be deleted and 0007 can depend on this.
"""

from django.db import migrations, models


class Migration(migrations.Migration):
    replaces = [
        ("core", "0002_alter_auditevent_action"),
        ("core", "0003_alter_auditevent_action"),
        ("core", "0004_alter_auditevent_action"),
        ("core", "0005_alter_auditevent_action"),
        ("core", "0006_alter_auditevent_action"),
    ]

    dependencies = [
        ("core", "0001_initial"),
    ]

    operations = [
        migrations.AlterField(
            model_name="auditevent",
            name="action",
            field=models.PositiveSmallIntegerField(verbose_name="hành động"),
        ),
    ]
