"""Django admin for units: read-only browsing (reference data changes only through `units load`)."""

from __future__ import annotations

from typing import Any

from django.contrib import admin
from django.http import HttpRequest
from django.utils.translation import gettext_lazy

from haicap.core.admin import ReadOnlyAdmin
from haicap.units.models import Succession, Unit


class SuccessorInline(admin.TabularInline):
    model = Succession
    fk_name = "predecessor"
    fields = ["successor", "relation", "effective", "note"]
    readonly_fields = ["successor", "relation", "effective", "note"]
    extra = 0
    can_delete = False
    verbose_name_plural = gettext_lazy("nay thuộc")


class PredecessorInline(SuccessorInline):
    fk_name = "successor"
    fields = ["predecessor", "relation", "effective", "note"]
    readonly_fields = ["predecessor", "relation", "effective", "note"]
    verbose_name_plural = gettext_lazy("hình thành từ")


@admin.register(Unit)
class UnitAdmin(ReadOnlyAdmin):
    list_display = ["code", "full_name", "level", "kind", "province_code", "valid_from", "valid_to"]
    list_filter = ["level", "kind", "province_code"]
    search_fields = ["code", "full_name", "search_key"]
    exclude = ["boundary"]
    inlines = [PredecessorInline, SuccessorInline]

    def get_search_results(self, request: HttpRequest, queryset: Any, search_term: str) -> Any:
        from haicap.core.text import search_key

        return super().get_search_results(request, queryset, search_key(search_term) or search_term)
