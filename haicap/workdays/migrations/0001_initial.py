from django.db import migrations, models


class Migration(migrations.Migration):
    initial = True
    dependencies: list = []

    operations = [
        migrations.CreateModel(
            name="CalendarDay",
            fields=[
                (
                    "id",
                    models.BigAutoField(
                        auto_created=True, primary_key=True, serialize=False, verbose_name="ID"
                    ),
                ),
                ("date", models.DateField(unique=True, verbose_name="ngày")),
                (
                    "kind",
                    models.CharField(
                        choices=[("working", "Ngày làm việc bù"), ("off", "Ngày nghỉ")],
                        max_length=8,
                        verbose_name="loại",
                    ),
                ),
                (
                    "note",
                    models.CharField(blank=True, max_length=200, verbose_name="căn cứ / ghi chú"),
                ),
                ("updated_at", models.DateTimeField(auto_now=True)),
            ],
            options={
                "verbose_name": "ngày hoán đổi",
                "verbose_name_plural": "ngày hoán đổi",
                "ordering": ["date"],
            },
        ),
    ]
