"""The feedback categories in the Django admin: each province redefines the defaults (answer
time, handling body, English name) or stops using one; every save is audited. A category is
never deleted (reports keep pointing at it): it is disabled from a day on."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.forms.models import model_to_dict
from django.http import HttpRequest

from haicap.core.audit import audit_record
from haicap.feedback.models import Category
from haicap.feedback.rights import FeedbackAudit

AUDITED = (
    "province_code",
    "code",
    "name",
    "name_en",
    "description",
    "body_kind",
    "body_name",
    "sla_working_days",
    "disabled_on",
)


@admin.register(Category)
class CategoryAdmin(admin.ModelAdmin):
    list_display = [
        "code",
        "province_code",
        "name",
        "body_kind",
        "body_name",
        "sla_working_days",
        "disabled_on",
    ]
    list_filter = ["province_code", "body_kind"]
    search_fields = ["code", "name", "name_en"]
    ordering = ["province_code", "code"]

    def has_delete_permission(self, request: HttpRequest, obj: Any = None) -> bool:
        return False  # reports point at it: set "ngừng dùng từ" instead

    def save_model(self, request: HttpRequest, obj: Category, form: Any, change: bool) -> None:
        before = (
            model_to_dict(Category.objects.get(pk=obj.pk), fields=AUDITED)
            if change and obj.pk
            else {}
        )
        super().save_model(request, obj, form, change)
        after = model_to_dict(obj, fields=AUDITED)
        changed = {
            k: [str(before.get(k, "")), str(v)] for k, v in after.items() if before.get(k) != v
        }
        audit_record(
            actor=request.user,
            action=FeedbackAudit.CATEGORY_SAVED,
            obj=obj,
            province_code=obj.province_code,
            note=obj.code,
            data={"changed": changed},
        )
