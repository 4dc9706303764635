import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def times_set_were_verified(apps, schema_editor):
    """A time the province typed before this field existed was its own: verified."""
    ProvinceProcedure = apps.get_model("procedures", "ProvinceProcedure")
    ProvinceProcedure.objects.exclude(time_value=None).exclude(time_unit="").update(
        time_verified=True
    )


class Migration(migrations.Migration):
    dependencies = [
        ("procedures", "0001_initial"),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name="provinceprocedure",
            name="time_verified",
            field=models.BooleanField(default=False, verbose_name="tỉnh đã kiểm chứng thời hạn"),
        ),
        migrations.RunPython(times_set_were_verified, migrations.RunPython.noop),
        migrations.CreateModel(
            name="SettingsUpload",
            fields=[
                ("id", models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name="ID")),
                ("province_code", models.CharField(db_index=True, max_length=2, verbose_name="mã tỉnh")),
                ("filename", models.CharField(max_length=200, verbose_name="tên tệp")),
                ("digest", models.CharField(max_length=64, verbose_name="mã băm SHA-256")),
                ("content", models.BinaryField(verbose_name="nội dung")),
                ("rows", models.PositiveIntegerField(default=0, verbose_name="số dòng")),
                ("errors", models.PositiveIntegerField(default=0, verbose_name="số lỗi")),
                ("changes", models.PositiveIntegerField(default=0, verbose_name="số thủ tục thay đổi")),
                ("uploaded_at", models.DateTimeField(auto_now_add=True, verbose_name="tải lên lúc")),
                ("applied_at", models.DateTimeField(blank=True, null=True, verbose_name="áp dụng lúc")),
                ("applied_changes", models.PositiveIntegerField(default=0, verbose_name="số thủ tục đã thay đổi")),
                ("applied_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
                ("uploaded_by", models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name="+", to=settings.AUTH_USER_MODEL)),
            ],
            options={
                "verbose_name": "bảng cấu hình tải lên",
                "verbose_name_plural": "bảng cấu hình tải lên",
                "ordering": ["-uploaded_at", "-pk"],
            },
        ),
    ]
