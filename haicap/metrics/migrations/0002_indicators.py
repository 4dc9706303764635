"""The indicators of Decision 766 and the default targets, as metrics/data/index766.json read
when this migration was written (commit 349b06d). Inlined so that migrating from zero gives the
same rows whatever the file says later; later changes to the data need a migration of their own.
"""

import datetime as dt

from django.db import migrations

SOURCE = "Quyết định 766/QĐ-TTg ngày 23/6/2022; điểm và ngưỡng từng chỉ số theo bản dựng lại của bên thứ ba (chưa kiểm chứng), xem DOMAIN.md"
INDICATORS = [
    {"code": "published_on_time", "group": "transparency", "points": 6, "full_at": 1, "measure": "", "name": "Công bố, công khai thủ tục hành chính đúng hạn"},
    {"code": "updated_on_time", "group": "transparency", "points": 4, "full_at": 1, "measure": "", "name": "Cập nhật thủ tục hành chính lên Cổng Dịch vụ công quốc gia đúng hạn"},
    {"code": "published_complete", "group": "transparency", "points": 2, "full_at": 1, "measure": "", "name": "Công khai đầy đủ thủ tục hành chính"},
    {"code": "synced_to_portal", "group": "transparency", "points": 6, "full_at": 1, "measure": "", "name": "Đồng bộ hồ sơ lên Cổng Dịch vụ công quốc gia"},
    {"code": "progress", "group": "progress", "points": 20, "full_at": 1, "measure": "on_time_rate", "name": "Hồ sơ giải quyết trước hạn và đúng hạn trên tổng hồ sơ đến hạn"},
    {"code": "online_share", "group": "online", "points": 12, "full_at": 0.5, "measure": "online_rate", "name": "Hồ sơ nộp trực tuyến trên tổng hồ sơ của thủ tục có dịch vụ công trực tuyến"},
    {"code": "online_payment", "group": "online", "points": 10, "full_at": 1, "measure": "", "name": "Thanh toán trực tuyến"},
    {"code": "electronic_results", "group": "digitisation", "points": 6, "full_at": 0.8, "measure": "e_result_rate", "name": "Trả kết quả điện tử"},
    {"code": "digitised_components", "group": "digitisation", "points": 4, "full_at": 0.8, "measure": "", "name": "Số hóa thành phần hồ sơ"},
    {"code": "e_certified_copies", "group": "digitisation", "points": 2, "full_at": 0.8, "measure": "", "name": "Chứng thực bản sao điện tử"},
    {"code": "data_reuse", "group": "digitisation", "points": 2, "full_at": 0.8, "measure": "", "name": "Tái sử dụng dữ liệu đã số hóa"},
    {"code": "citizen_data_store", "group": "digitisation", "points": 4, "full_at": 0.8, "measure": "", "name": "Kết nối kho dữ liệu của công dân, tổ chức"},
    {"code": "population_data", "group": "digitisation", "points": 2, "full_at": 0.8, "measure": "", "name": "Khai thác Cơ sở dữ liệu quốc gia về dân cư"},
    {"code": "procedures_connected", "group": "digitisation", "points": 2, "full_at": 0.8, "measure": "", "name": "Thủ tục được kết nối, chia sẻ dữ liệu"},
    {"code": "feedback_on_time", "group": "satisfaction", "points": 6, "full_at": 1, "measure": "feedback_on_time_rate", "name": "Phản ánh, kiến nghị được trả lời đúng hạn"},
    {"code": "feedback_satisfaction", "group": "satisfaction", "points": 6, "full_at": 0.9, "measure": "feedback_satisfied_rate", "name": "Hài lòng với việc xử lý phản ánh, kiến nghị"},
    {"code": "dossier_satisfaction", "group": "satisfaction", "points": 6, "full_at": 0.9, "measure": "satisfaction_766", "name": "Hài lòng trong tiếp nhận, giải quyết thủ tục hành chính (100% − tỷ lệ trễ hạn − tỷ lệ không hài lòng)"},
]
TARGETS = [
    {"code": "online_share", "value": 0.8},
    {"code": "on_time", "value": 1.0},
    {"code": "processing_time_cut", "value": 0.3, "baseline_from": "2025-07-01", "baseline_to": "2025-07-31"},
]


def load(apps, schema_editor):
    Indicator = apps.get_model("metrics", "Indicator")
    Target = apps.get_model("metrics", "Target")
    for order, item in enumerate(INDICATORS, start=1):
        Indicator.objects.update_or_create(
            code=item["code"],
            defaults={
                "group": item["group"],
                "name": item["name"],
                "points": item["points"],
                "full_at": item["full_at"],
                "measure": item["measure"],
                "order": order,
                "source": SOURCE[:200],
            },
        )
    for item in TARGETS:  # province_code "": the default for every province
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
